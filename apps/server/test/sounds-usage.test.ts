import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PbxService } from '../src/pbx/pbx.service.js';
import { callingTenant, flushed, makeCall } from './helpers/calls-helpers.js';
import { SimPbxConnector } from './helpers/sim-pbx.js';
import { filePart, toneData, uploadSounds } from './helpers/sounds-app.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('sound usage on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let audio: string;
  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle, { pbxConnector: new SimPbxConnector() });
    const pbx = t.app.get(PbxService);
    while (!pbx.status().every((s) => s.ready)) await once(pbx, 'state');
    audio = path.join(t.dataDir, 'audio');
    await fs.mkdir(audio, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('a call that plays a library sound counts one use of it once answered; a PBX sound counts none', async () => {
    const tenant = await callingTenant(t);
    const uploaded = await uploadSounds(t, tenant.key, [filePart('Promo.wav', toneData(audio, 'promo.wav'))]);
    expect(uploaded.status).toBe(201);
    const sound = uploaded.body.results[0].sound as {
      id: string;
      usageCount: number;
      lastUsedAt: string | null;
    };
    expect(sound).toMatchObject({ usageCount: 0, lastUsedAt: null });

    // At the simulator's speed a call is over in tens of milliseconds: poll for the outcome.
    const ended = (id: string) =>
      expect
        .poll(async () => (await t.request('GET', `/api/calls/${id}`, { key: tenant.key })).body.status, {
          timeout: 10_000,
        })
        .toBe('completed');
    const played = await makeCall(t, tenant.key, { to: '+12025550100', soundId: sound.id });
    expect(played.status).toBe(202);
    const pbxSound = await makeCall(t, tenant.key, { to: '+12025550100', soundId: 'hello-world' });
    await ended(played.body.id);
    await ended(pbxSound.body.id);
    await flushed(t);

    await expect
      .poll(
        async () => (await t.request('GET', `/api/sounds/${sound.id}`, { key: tenant.key })).body.usageCount,
      )
      .toBe(1);
    const after = await t.request('GET', `/api/sounds/${sound.id}`, { key: tenant.key });
    expect(after.body.lastUsedAt).not.toBeNull();
  });
});
