import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { SqlRecordingCallLookup } from './recording-call-lookup.js';

describe('SqlRecordingCallLookup', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({});
  });
  afterAll(async () => {
    await handle.close();
  });

  it('knows no call while the calls table does not exist', async () => {
    const lookup = new SqlRecordingCallLookup(handle);
    expect(await lookup.find([{ relativePath: 'a.wav', keys: ['1.2'] }])).toEqual(new Map());
  });

  it("finds a recording's call by recording path, file name, Uniqueid or call id", async () => {
    await sql`CREATE TABLE calls (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, recording_file text, uniqueid text,
      channel_id text)`.execute(handle.db);
    const tenant = '11111111-1111-4111-8111-111111111111';
    const ids = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002'];
    const third = 'aaaaaaaa-0000-4000-8000-000000000003';
    await sql`INSERT INTO calls VALUES
      (${ids[0]}, ${tenant}, '/var/spool/asterisk/monitor/2026/03/01/rec-a.wav', '1772000000.1', 'ch-1'),
      (${ids[1]}, ${tenant}, NULL, '1772000000.2', 'ch-2'),
      (${third}, ${tenant}, NULL, NULL, NULL)`.execute(handle.db);
    const lookup = new SqlRecordingCallLookup(handle);
    const found = await lookup.find([
      { relativePath: '2026/03/01/rec-a.wav', keys: [] },
      { relativePath: '1772000000.2.wav', keys: ['1772000000.2'] },
      { relativePath: `call-${third}.wav`, keys: [third] },
      { relativePath: 'nobody.wav', keys: ['1772000099.9'] },
    ]);
    expect(Object.fromEntries(found)).toEqual({
      '2026/03/01/rec-a.wav': { callId: ids[0], tenantId: tenant },
      '1772000000.2.wav': { callId: ids[1], tenantId: tenant },
      [`call-${third}.wav`]: { callId: third, tenantId: tenant },
    });
  });
});
