import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { SqlRecordingCallLookup } from './recording-call-lookup.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const call = (n: number) => `aaaaaaaa-0000-4000-8000-00000000000${n}`;

describe('SqlRecordingCallLookup', () => {
  let handle: DatabaseHandle;
  let lookup: SqlRecordingCallLookup;

  async function insertCall(id: string, recordingFile: string | null, uniqueid: string | null) {
    await sql`INSERT INTO calls (id, tenant_id, status, to_number, answer, timeout_seconds, variables, action_id,
        channel_id, other_channel_id, scheduled_at, recording_file, uniqueid)
      VALUES (${id}, ${TENANT}, 'completed', '+12025550100', '{"type":"dialplan"}', 30, '{}', ${`a-${id}`},
        ${`ch-${id}`}, ${`ch-${id}.2`}, now(), ${recordingFile}, ${uniqueid})`.execute(handle.db);
  }

  beforeAll(async () => {
    handle = await openDatabase({});
    await migrateToLatest(handle);
    await sql`INSERT INTO tenants (id, name, slug, default_country, originate_channel_template, did_rotation, enabled)
      VALUES (${TENANT}, 'T', 't', 'US', 'Local/{number}@x', 'round-robin', true)`.execute(handle.db);
    await insertCall(call(1), '/var/spool/asterisk/monitor/2026/03/01/rec-a.wav', '1772000000.1');
    await insertCall(call(2), null, '1772000000.2');
    await insertCall(call(3), null, null);
    // Same file name as call 1's, in another folder; and a call whose Uniqueid a file name carries.
    await insertCall(call(4), '2026/03/02/rec-a.wav', null);
    await insertCall(call(5), 'elsewhere/1772000000.5.wav', '1772000000.5');
    lookup = new SqlRecordingCallLookup(handle);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("finds a recording's call by recording path, Uniqueid, channel id or call id; keys of any shape", async () => {
    const found = await lookup.find([
      { relativePath: '2026/03/01/rec-a.wav', keys: [] },
      { relativePath: '1772000000.2.wav', keys: ['1772000000.2'] },
      { relativePath: `call-${call(3)}.wav`, keys: [call(3)] },
      { relativePath: 'by-channel.wav', keys: [`ch-${call(2)}`] },
      { relativePath: 'nobody.wav', keys: ['1772000099.9', 'not-a-uuid'] },
    ]);
    const known = { tenantId: TENANT, to: '+12025550100', from: null, status: 'completed' };
    expect(Object.fromEntries(found)).toEqual({
      '2026/03/01/rec-a.wav': { callId: call(1), ...known },
      '1772000000.2.wav': { callId: call(2), ...known },
      [`call-${call(3)}.wav`]: { callId: call(3), ...known },
      'by-channel.wav': { callId: call(2), ...known },
    });
  });

  it('prefers the call recorded at that very path, then a key of the file name, then the same file name', async () => {
    const found = await lookup.find([
      { relativePath: '2026/03/02/rec-a.wav', keys: [] },
      { relativePath: '2026/03/09/rec-a.wav', keys: ['1772000000.2'] },
      { relativePath: '2026/03/09/1772000000.5.wav', keys: ['1772000000.5'] },
    ]);
    expect(found.get('2026/03/02/rec-a.wav')?.callId).toBe(call(4));
    expect(found.get('2026/03/09/rec-a.wav')?.callId).toBe(call(2));
    expect(found.get('2026/03/09/1772000000.5.wav')?.callId).toBe(call(5));
    const byName = await lookup.find([{ relativePath: 'other/1772000000.5.wav', keys: [] }]);
    expect(byName.get('other/1772000000.5.wav')?.callId).toBe(call(5));
  });

  it('answers from the indexes of migration 0011, not by reading every call', async () => {
    await sql`SET enable_seqscan = off`.execute(handle.db);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM calls
      WHERE (recording_file IS NOT NULL AND regexp_replace(recording_file, '^.*/', '') = ANY(${['a.wav']}::text[]))
         OR uniqueid = ANY(${['1.2']}::text[])`.execute(handle.db);
    await sql`SET enable_seqscan = on`.execute(handle.db);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('calls_recording_name_idx');
    expect(plan).toContain('calls_uniqueid_idx');
  });
});
