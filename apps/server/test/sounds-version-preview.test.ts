import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoxRunner, SoxError } from '../src/sounds/sox-runner.js';
import { filePart as file, openSoundsApp, toneData, uploadSounds } from './helpers/sounds-app.js';
import { createTenantWithKey, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('preview of one sound version on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let audio: string;
  beforeAll(async () => {
    ({ db, t, audio } = await openSoundsApp(database));
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  const tone = (name: string, seconds: number) => toneData(audio, name, { seconds });
  const get = (url: string, key: string, range?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${key}`, ...(range ? { range } : {}) },
    });

  /** A sound "promo" with version 1 (1 s) and version 2 (2 s, active). */
  async function twoVersions(key: string) {
    for (const [name, seconds] of [
      ['a.wav', 1],
      ['b.wav', 2],
    ] as const) {
      const res = await uploadSounds(t, key, [
        { name: 'name', value: 'promo' },
        file(name, tone(name, seconds)),
      ]);
      expect(res.status).toBe(201);
    }
    const list = await t.request('GET', '/api/sounds?search=promo', { key });
    const id: string = list.body.items[0].id;
    const versions = await t.request('GET', `/api/sounds/${id}/versions`, { key });
    const [v2, v1] = versions.body as Array<{ id: string; version: number; active: boolean }>;
    expect([v2!.active, v1!.active]).toEqual([true, false]);
    return { id, v1: v1!.id, v2: v2!.id };
  }

  it('streams an inactive version as PCM WAV (Range too), without making it active', async () => {
    const owner = await createTenantWithKey(t);
    const { id, v1, v2 } = await twoVersions(owner.key);
    const old = await get(`/api/sounds/${id}/versions/${v1}/preview`, owner.key);
    expect(old.statusCode).toBe(200);
    expect(old.headers['content-type']).toBe('audio/wav');
    expect(old.headers['content-disposition']).toBe('inline; filename="promo-v1.wav"');
    expect(old.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
    expect(old.rawPayload.length).toBe(44 + 16000);
    const current = await get(`/api/sounds/${id}/versions/${v2}/preview`, owner.key);
    expect(current.rawPayload.length).toBe(44 + 32000);
    const part = await get(`/api/sounds/${id}/versions/${v1}/preview`, owner.key, 'bytes=0-9');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${44 + 16000}`);
    const sound = await t.request('GET', `/api/sounds/${id}`, { key: owner.key });
    expect(sound.body.activeVersion.id).toBe(v2);
  });

  it("answers 404 for another tenant's sound, a version of another sound, or a bad id; viewers may listen", async () => {
    const owner = await createTenantWithKey(t);
    const viewer = await createTenantWithKey(t, {}, 'viewer');
    const { id, v1 } = await twoVersions(owner.key);
    const other = await uploadSounds(t, owner.key, [file('other.wav', tone('other.wav', 1))]);
    const otherId: string = other.body.results[0].sound.id;
    const otherVersion: string = other.body.results[0].sound.activeVersion.id;

    const strangerAnswer = await get(`/api/sounds/${id}/versions/${v1}/preview`, viewer.key);
    expect([strangerAnswer.statusCode, strangerAnswer.json().message]).toEqual([404, 'Sound not found']);
    const crossed = await get(`/api/sounds/${id}/versions/${otherVersion}/preview`, owner.key);
    expect([crossed.statusCode, crossed.json().message]).toEqual([404, 'Sound version not found']);
    const crossedBack = await get(`/api/sounds/${otherId}/versions/${v1}/preview`, owner.key);
    expect(crossedBack.statusCode).toBe(404);
    const badId = await get(`/api/sounds/${id}/versions/..%2F..%2Fetc%2Fpasswd/preview`, owner.key);
    expect(badId.statusCode).toBe(404);

    const ownViewer = await t.request('POST', `/api/tenants/${owner.id}/api-keys`, {
      body: { name: 'listener', role: 'viewer' },
    });
    const listened = await get(`/api/sounds/${id}/versions/${v1}/preview`, ownViewer.body.key as string);
    expect(listened.statusCode).toBe(200);
    const admin = await get(`/api/sounds/${id}/versions/${v1}/preview`, t.adminKey);
    expect(admin.statusCode).toBe(200);
  });

  it('answers 409 for a version that failed to convert', async () => {
    const owner = await createTenantWithKey(t);
    const sox = t.app.get(SoxRunner);
    const convert = sox.convert.bind(sox);
    sox.convert = () => Promise.reject(new SoxError('simulated encoder crash'));
    let res;
    try {
      res = await uploadSounds(t, owner.key, [file('broken.wav', tone('broken.wav', 1))]);
    } finally {
      sox.convert = convert;
    }
    const sound = res.body.results[0].sound;
    expect(sound.status).toBe('failed');
    const answer = await get(`/api/sounds/${sound.id}/versions/${sound.latestVersion.id}/preview`, owner.key);
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({
      error: 'sound-version-not-ready',
      message: 'Version 1 is failed, not ready',
    });
  });
});
