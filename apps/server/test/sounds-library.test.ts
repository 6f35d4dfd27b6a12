import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { SoundsService } from '../src/sounds/sounds.service.js';
import { SoxError, SoxRunner } from '../src/sounds/sox-runner.js';
import { startTestApp } from './helpers/test-app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultipartPart } from './helpers/multipart.js';
import {
  filePart as file,
  FORMATS,
  ls,
  openSoundsApp,
  toneData,
  uploadSounds,
} from './helpers/sounds-app.js';
import { createTenantWithKey, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('sound library on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let audio: string;
  let soundsDir: string;
  let uploadsDir: string;
  beforeAll(async () => {
    ({ db, t, audio, soundsDir, uploadsDir } = await openSoundsApp(database));
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  const upload = (key: string, parts: MultipartPart[], query?: string, url?: string) =>
    uploadSounds(t, key, parts, query, url);
  const tone = (name: string, options: Parameters<typeof toneData>[2] = {}) => toneData(audio, name, options);

  it('keeps versions: a new upload of a name becomes active, an older one can be activated again', async () => {
    const tenant = await createTenantWithKey(t);
    const wav = (slug: string) => path.join(soundsDir, slug, 'promo.wav');
    const v1 = await upload(tenant.key, [
      { name: 'name', value: 'promo' },
      file('a.wav', tone('v1.wav', { seconds: 1 })),
    ]);
    const v2 = await upload(tenant.key, [
      { name: 'name', value: 'promo' },
      file('b.wav', tone('v2.wav', { seconds: 2 })),
    ]);
    const id = v1.body.results[0].sound.id;
    expect(v2.body.results[0].sound).toMatchObject({ id, versionCount: 2, activeVersion: { version: 2 } });
    expect((await fs.stat(wav(tenant.tenant.slug))).size).toBe(44 + 2 * 16000);
    const versions = await t.request('GET', `/api/sounds/${id}/versions`, { key: tenant.key });
    expect(versions.body.map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1Id = versions.body[1].id;
    const activated = await t.request('POST', `/api/sounds/${id}/versions/${v1Id}/activate`, {
      key: tenant.key,
    });
    expect(activated).toMatchObject({ status: 200, body: { activeVersion: { version: 1 } } });
    expect((await fs.stat(wav(tenant.tenant.slug))).size).toBe(44 + 16000);
  });

  it('marks a version failed when a conversion fails, leaving the active version and no half-written file', async () => {
    const tenant = await createTenantWithKey(t);
    const v1 = await upload(tenant.key, [{ name: 'name', value: 'steady' }, file('a.wav', tone('st1.wav'))]);
    const sox = t.app.get(SoxRunner);
    const convert = sox.convert.bind(sox);
    sox.convert = async (job) => {
      if (job.outputArgs.includes('gsm')) throw new SoxError('gsm: simulated encoder crash');
      await convert(job);
    };
    try {
      const v2 = await upload(tenant.key, [
        { name: 'name', value: 'steady' },
        file('b.wav', tone('st2.wav', { seconds: 2 })),
      ]);
      expect(v2.body.results[0].sound).toMatchObject({
        status: 'failed',
        error: 'gsm: simulated encoder crash',
        latestVersion: { version: 2, status: 'failed', formats: [] },
        activeVersion: { version: 1 },
      });
      const dir = path.join(soundsDir, tenant.tenant.slug);
      expect(await ls(dir)).toEqual(FORMATS.map((f) => `steady.${f}`).sort());
      expect((await fs.stat(path.join(dir, 'steady.wav'))).size).toBe(
        v1.body.results[0].sound.activeVersion.formats.find((f: { format: string }) => f.format === 'wav')
          .size,
      );
      expect((await ls(soundsDir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
      expect(await ls(path.join(uploadsDir, 'versions'))).not.toContain(
        v2.body.results[0].sound.latestVersion.id,
      );
      const failed = await t.request('GET', `/api/sounds?status=failed`, { key: tenant.key });
      expect(failed.body.items.map((x: { name: string }) => x.name)).toEqual(['steady']);
      const activateFailed = await t.request(
        'POST',
        `/api/sounds/${v2.body.results[0].sound.id}/versions/${v2.body.results[0].sound.latestVersion.id}/activate`,
        { key: tenant.key },
      );
      expect(activateFailed).toMatchObject({ status: 409, body: { error: 'sound-version-not-ready' } });
    } finally {
      sox.convert = convert;
    }
  });

  it('renames and describes a sound, moving its PBX files; 409 for a taken name', async () => {
    const tenant = await createTenantWithKey(t);
    const a = await upload(tenant.key, [{ name: 'name', value: 'alpha' }, file('a.wav', tone('ra.wav'))]);
    await upload(tenant.key, [{ name: 'name', value: 'beta' }, file('b.wav', tone('rb.wav'))]);
    const id = a.body.results[0].sound.id;
    const renamed = await t.request('PATCH', `/api/sounds/${id}`, {
      key: tenant.key,
      body: { name: 'Gamma Ray', description: 'renamed' },
    });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'gamma-ray', description: 'renamed' } });
    const files = await ls(path.join(soundsDir, tenant.tenant.slug));
    expect(files).toContain('gamma-ray.wav');
    expect(files).not.toContain('alpha.wav');
    expect(files).toContain('beta.wav');
    const taken = await t.request('PATCH', `/api/sounds/${id}`, { key: tenant.key, body: { name: 'beta' } });
    expect(taken).toMatchObject({ status: 409, body: { error: 'sound-exists' } });
  });

  it("deletes a sound's PBX files only, and its stored versions", async () => {
    const tenant = await createTenantWithKey(t);
    const a = await upload(tenant.key, [{ name: 'name', value: 'gone' }, file('a.wav', tone('da.wav'))]);
    await upload(tenant.key, [{ name: 'name', value: 'stays' }, file('b.wav', tone('db.wav'))]);
    const id = a.body.results[0].sound.id;
    const versionId = a.body.results[0].sound.activeVersion.id;
    expect((await t.request('DELETE', `/api/sounds/${id}`, { key: tenant.key })).status).toBe(204);
    expect(await ls(path.join(soundsDir, tenant.tenant.slug))).toEqual(
      FORMATS.map((f) => `stays.${f}`).sort(),
    );
    expect(await ls(path.join(uploadsDir, 'versions'))).not.toContain(versionId);
    expect((await t.request('GET', `/api/sounds/${id}`, { key: tenant.key })).status).toBe(404);
  });

  it('after a restart, marks conversions cut short failed and removes the temp folders they left', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [file('cut.wav', tone('cut.wav'))]);
    const versionId = res.body.results[0].sound.latestVersion.id;
    await sql`UPDATE sound_versions SET status = 'processing', updated_at = now() - interval '1 hour'
      WHERE id = ${versionId}`.execute(db.handle.db);
    const stale = path.join(soundsDir, '.tmp-crashed');
    const fresh = path.join(soundsDir, '.tmp-in-use');
    await fs.mkdir(stale);
    await fs.writeFile(path.join(stale, 'sound.wav'), 'half');
    await fs.utimes(stale, new Date('2020-01-01'), new Date('2020-01-01'));
    await fs.mkdir(fresh);
    const restarted = await startTestApp(db.handle, { env: { ASTERISK_SOUNDS_DIR: soundsDir } });
    try {
      const after = await t.request('GET', `/api/sounds/${res.body.results[0].sound.id}`, {
        key: tenant.key,
      });
      expect(after.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
      const left = await ls(soundsDir);
      expect(left).not.toContain('.tmp-crashed');
      expect(left).toContain('.tmp-in-use');
    } finally {
      await restarted.close();
      await fs.rm(fresh, { recursive: true });
    }
  });

  it('counts a play of the sound as a use, with its time', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [{ name: 'name', value: 'played' }, file('p.wav', tone('pl.wav'))]);
    const sounds = t.app.get(SoundsService);
    expect(await sounds.recordUse(tenant.id, 'played')).toBe(true);
    expect(await sounds.recordUse(tenant.id, 'played')).toBe(true);
    expect(await sounds.recordUse(tenant.id, 'no-such-sound')).toBe(false);
    const after = await t.request('GET', `/api/sounds/${res.body.results[0].sound.id}`, { key: tenant.key });
    expect(after.body.usageCount).toBe(2);
    expect(after.body.lastUsedAt).not.toBeNull();
  });

  it('lists with filters and paging, scoped to the tenant', async () => {
    const tenant = await createTenantWithKey(t);
    for (const n of ['list-a', 'list-b', 'other']) {
      await upload(tenant.key, [{ name: 'name', value: n }, file('x.wav', tone(`${n}.wav`))]);
    }
    const first = await t.request('GET', '/api/sounds?limit=2', { key: tenant.key });
    expect(first.body.items).toHaveLength(2);
    const second = await t.request('GET', `/api/sounds?limit=2&cursor=${first.body.nextCursor}`, {
      key: tenant.key,
    });
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.items).toHaveLength(1);
    const search = await t.request('GET', '/api/sounds?search=list-', { key: tenant.key });
    expect(search.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['list-a', 'list-b']);
    const original = await t.request('GET', '/api/asterisk-sounds/list?status=ready', { key: tenant.key });
    expect(original.body.items).toHaveLength(3);
  });

  it("hides another tenant's sound behind 404 from its operator and its admin, and lets viewers read but not write", async () => {
    const owner = await createTenantWithKey(t);
    const strangers = [
      (await createTenantWithKey(t, {}, 'operator')).key,
      (await createTenantWithKey(t, {}, 'admin')).key,
    ];
    const viewer = await createTenantWithKey(t, {}, 'viewer');
    const res = await upload(owner.key, [file('private.wav', tone('p.wav'))]);
    const id = res.body.results[0].sound.id;
    for (const stranger of strangers) {
      for (const [method, url] of [
        ['GET', `/api/sounds/${id}`],
        ['GET', `/api/sounds/${id}/versions`],
        ['GET', `/api/sounds/${id}/preview`],
        ['GET', `/api/sounds/${id}/peaks`],
        ['PATCH', `/api/sounds/${id}`],
        ['DELETE', `/api/sounds/${id}`],
        ['GET', `/api/asterisk-sounds/${id}/stream`],
        ['DELETE', `/api/asterisk-sounds/${id}`],
      ] as const) {
        const answer = await t.request(method, url, {
          key: stranger,
          body: method === 'PATCH' ? { description: 'x' } : undefined,
        });
        expect([method, url, answer.status]).toEqual([method, url, 404]);
      }
      expect((await t.request('GET', '/api/sounds', { key: stranger })).body.items).toEqual([]);
      const otherTenant = await upload(stranger, [file('x.wav', tone('q.wav'))], `?tenantId=${owner.id}`);
      expect(otherTenant.status).toBe(404);
    }
    const kept = await t.request('GET', `/api/sounds/${id}`, { key: owner.key });
    expect(kept).toMatchObject({ status: 200, body: { id, description: null } });
    const byViewer = await upload(viewer.key, [file('v.wav', tone('v.wav'))]);
    expect(byViewer.status).toBe(403);
  });

  it('previews the active version as PCM WAV with Range, and gives waveform peaks', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [file('peaky.wav', tone('peaky.wav', { seconds: 2 }))]);
    const id = res.body.results[0].sound.id;
    const whole = await t.app.inject({
      method: 'GET',
      url: `/api/sounds/${id}/preview`,
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
    expect(whole.rawPayload.length).toBe(44 + 32000);
    const part = await t.app.inject({
      method: 'GET',
      url: `/api/asterisk-sounds/${id}/stream`,
      headers: { authorization: `Bearer ${tenant.key}`, range: 'bytes=0-99' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${44 + 32000}`);
    expect(part.rawPayload.length).toBe(100);
    const peaks = await t.request('GET', `/api/sounds/${id}/peaks`, { key: tenant.key });
    expect(peaks.body.peaks).toHaveLength(1000);
    expect(Math.max(...peaks.body.peaks)).toBeGreaterThan(0.5);
  });

  it('takes uploads on the original path too, and needs a tenant for ADMIN_API_KEY', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(
      tenant.key,
      [file('orig.wav', tone('o.wav'))],
      '?wait=true',
      '/api/asterisk-sounds/upload',
    );
    expect(res.status).toBe(201);
    const noTenant = await upload(
      t.adminKey,
      [file('orig.wav', tone('o.wav'))],
      '?wait=true',
      '/api/asterisk-sounds/upload',
    );
    expect(noTenant).toMatchObject({ status: 400, body: { error: 'validation-failed' } });
    const withTenant = await upload(
      t.adminKey,
      [file('orig.wav', tone('o.wav'))],
      `?wait=true&tenantId=${tenant.id}`,
    );
    expect(withTenant.body.results[0].sound).toMatchObject({ tenantId: tenant.id, versionCount: 2 });
    const notMultipart = await t.request('POST', '/api/sounds', { key: tenant.key, body: { file: 'x' } });
    expect(notMultipart).toMatchObject({ status: 415, body: { error: 'unsupported-media-type' } });
  });
});
