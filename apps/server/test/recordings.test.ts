import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiMessage, AmiResponse } from '@switchboard/ami';
import { RecordingCallLookup } from '../src/recordings/recording-call-lookup.js';
import { FakePbxConnector } from './helpers/fake-pbx.js';
import { synth } from './helpers/sox-audio.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();
const id = (relativePath: string) => Buffer.from(relativePath).toString('base64url');

describe.each(databases)('recordings and reload on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let monitor: string;
  let outside: string;
  const pbx = new FakePbxConnector();
  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle, { pbx });
    monitor = path.join(t.dataDir, 'pbx-sim', 'monitor');
    outside = path.join(t.dataDir, 'outside');
    await fs.mkdir(path.join(monitor, '2026', '03', '01'), { recursive: true });
    await fs.mkdir(outside, { recursive: true });
    synth(monitor, '1772000000.42.wav', { rate: 8000, channels: 1, seconds: 2, bits: 16 });
    synth(path.join(monitor, '2026', '03', '01'), 'out-5551234-1001-20260301-101500-1772000001.7.wav', {
      rate: 8000,
      channels: 1,
      seconds: 1,
      bits: 16,
    });
    await fs.writeFile(path.join(monitor, 'notes.txt'), 'not a recording');
    await fs.writeFile(path.join(outside, 'secret.wav'), 'RIFF secret');
    await fs.symlink(path.join(outside, 'secret.wav'), path.join(monitor, 'leak.wav'));
    await fs.symlink(outside, path.join(monitor, 'outdir'));
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('lists recordings recursively (YYYY/MM/DD too) with size, duration and time, skipping symlinks and non-audio', async () => {
    const res = await t.request('GET', '/api/recordings');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { path: string }) => r.path).sort()).toEqual([
      '1772000000.42.wav',
      '2026/03/01/out-5551234-1001-20260301-101500-1772000001.7.wav',
    ]);
    const dated = res.body.items.find((r: { path: string }) => r.path.startsWith('2026'));
    expect(dated).toMatchObject({
      recordedAt: '2026-03-01T10:15:00.000Z',
      durationSeconds: 1,
      sizeBytes: 44 + 16000,
      callId: null,
      tenantId: null,
      call: null,
    });
    const original = await t.request('GET', '/api/asterisk-sounds/monitor?search=out-555');
    expect(original.body.items).toHaveLength(1);
    const paged = await t.request('GET', '/api/recordings?limit=1');
    expect(paged.body).toMatchObject({ nextCursor: '1' });
    const rest = await t.request('GET', '/api/recordings?limit=1&cursor=1');
    expect(rest.body).toMatchObject({ nextCursor: null });
    const dated2 = await t.request(
      'GET',
      '/api/recordings?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z',
    );
    expect(dated2.body.items.map((r: { path: string }) => r.path)).toEqual([dated.path]);
  });

  it("shows recordings with no known call to platform keys only, never to a tenant's keys, its admin included", async () => {
    for (const role of ['operator', 'admin'] as const) {
      const tenantKey = await createTenantWithKey(t, {}, role);
      const list = await t.request('GET', '/api/recordings', { key: tenantKey.key });
      expect([role, list.body.items]).toEqual([role, []]);
      const stream = await t.request('GET', `/api/recordings/${id('1772000000.42.wav')}/stream`, {
        key: tenantKey.key,
      });
      expect([role, stream.status]).toEqual([role, 404]);
    }
    const platform = await t.request('GET', '/api/recordings');
    expect(platform.body.items.map((r: { path: string }) => r.path)).toContain('1772000000.42.wav');
  });

  it("scopes a recording to its call's tenant: that tenant's keys see it, others (their admin too) get 404", async () => {
    const owner = await createTenantWithKey(t, {}, 'viewer');
    const strangers = [
      await createTenantWithKey(t, {}, 'operator'),
      await createTenantWithKey(t, {}, 'admin'),
    ];
    const callId = '0b6f3f9e-8a51-4c1e-9d1f-2b3c4d5e6f70';
    const lookup = t.app.get(RecordingCallLookup);
    const original = lookup.find.bind(lookup);
    lookup.find = (files) =>
      Promise.resolve(
        new Map(
          files
            .filter((f) => f.keys.includes('1772000000.42'))
            .map(
              (f) =>
                [
                  f.relativePath,
                  {
                    callId,
                    tenantId: owner.id,
                    to: '+12025550142',
                    from: '+12025550199',
                    status: 'completed',
                  },
                ] as const,
            ),
        ),
      );
    try {
      const mine = await t.request('GET', '/api/recordings', { key: owner.key });
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          path: '1772000000.42.wav',
          callId,
          tenantId: owner.id,
          call: { to: '+12025550142', from: '+12025550199', status: 'completed' },
        }),
      ]);
      // Found by its call's numbers as well as by its path.
      for (const search of ['5550142', '+12025550199', '1772000000.42']) {
        const found = await t.request('GET', `/api/recordings?search=${encodeURIComponent(search)}`, {
          key: owner.key,
        });
        expect([search, found.body.items.map((r: { callId: string }) => r.callId)]).toEqual([
          search,
          [callId],
        ]);
      }
      const none = await t.request('GET', '/api/recordings?search=5550143', { key: owner.key });
      expect(none.body.items).toEqual([]);
      const byCall = await t.request('GET', `/api/recordings?callId=${callId}`);
      expect(byCall.body.items).toHaveLength(1);
      for (const stranger of strangers) {
        const theirs = await t.request('GET', '/api/recordings', { key: stranger.key });
        expect(theirs.body.items).toEqual([]);
        for (const suffix of ['', '/stream', '/download', '/playable']) {
          const url = `/api/recordings/${id('1772000000.42.wav')}${suffix}`;
          expect([url, (await t.request('GET', url, { key: stranger.key })).status]).toEqual([url, 404]);
          expect([url, (await t.request('GET', url, { key: owner.key })).status]).toEqual([url, 200]);
        }
        const filtered = await t.request('GET', `/api/recordings?tenantId=${owner.id}`, {
          key: stranger.key,
        });
        expect(filtered.status).toBe(404);
      }
    } finally {
      lookup.find = original;
    }
  });

  it('streams with HTTP Range: 206 and a correct Content-Range; 416 past the end', async () => {
    const url = `/api/recordings/${id('1772000000.42.wav')}/stream`;
    const auth = { authorization: `Bearer ${t.adminKey}` };
    const whole = await t.app.inject({ method: 'GET', url, headers: auth });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.length).toBe(44 + 32000);
    const range = await t.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=100-199' } });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 100-199/${44 + 32000}`);
    expect(range.rawPayload).toEqual(whole.rawPayload.subarray(100, 200));
    const suffix = await t.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=-10' } });
    expect(suffix.headers['content-range']).toBe(`bytes ${44 + 32000 - 10}-${44 + 32000 - 1}/${44 + 32000}`);
    const open = await t.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=32000-' } });
    expect(open.rawPayload.length).toBe(44);
    const beyond = await t.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=999999-' } });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${44 + 32000}`);
    const viaOriginal = await t.app.inject({
      method: 'GET',
      url: `/api/asterisk-sounds/${id('1772000000.42.wav')}/stream`,
      headers: { ...auth, range: 'bytes=0-3' },
    });
    expect(viaOriginal.statusCode).toBe(206);
    expect(viaOriginal.rawPayload.toString()).toBe('RIFF');
    const download = await t.app.inject({
      method: 'GET',
      url: url.replace('/stream', '/download'),
      headers: auth,
    });
    expect(download.headers['content-disposition']).toBe('attachment; filename="1772000000.42.wav"');
  });

  it.each([
    ['../outside/secret.wav'],
    ['leak.wav'],
    ['outdir/secret.wav'],
    ['/etc/passwd'],
    ['%2e%2e/outside/secret.wav'],
    ['1772000000.42.wav\u0000.txt'],
    ['notes.txt'],
  ])('answers 404 for the hostile recording path %j', async (hostile) => {
    const res = await t.request('GET', `/api/recordings/${id(hostile)}/stream`);
    expect(res.status).toBe(404);
    const del = await t.request('DELETE', `/api/recordings/${id(hostile)}`);
    expect(del.status).toBe(404);
    expect(await fs.readFile(path.join(outside, 'secret.wav'), 'utf8')).toBe('RIFF secret');
  });

  it('serves a browser-playable PCM WAV: PCM as is, GSM-in-WAV and raw GSM converted, temp files removed', async () => {
    synth(monitor, 'wav49.wav', { rate: 8000, channels: 1, seconds: 1, effects: [] });
    synth(monitor, 'gsm-in-wav.wav', { rate: 8000, channels: 1, seconds: 1, encoding: 'gsm-full-rate' });
    synth(monitor, 'raw.gsm', { rate: 8000, channels: 1, seconds: 1 });
    const auth = { authorization: `Bearer ${t.adminKey}` };
    const get = (name: string) =>
      t.app.inject({ method: 'GET', url: `/api/recordings/${id(name)}/playable`, headers: auth });
    try {
      const pcm = await get('1772000000.42.wav');
      expect(pcm.statusCode).toBe(200);
      expect(pcm.rawPayload).toEqual(await fs.readFile(path.join(monitor, '1772000000.42.wav')));
      for (const name of ['gsm-in-wav.wav', 'raw.gsm']) {
        const converted = await get(name);
        expect([name, converted.statusCode, converted.headers['content-type']]).toEqual([
          name,
          200,
          'audio/wav',
        ]);
        expect(converted.rawPayload.toString('latin1', 0, 4)).toBe('RIFF');
        expect(converted.rawPayload.readUInt16LE(20)).toBe(1);
        expect(converted.rawPayload.length).toBe(44 + 16000);
      }
      // The temp file goes when the response closes, just after inject has the body.
      let left = await fs.readdir(path.join(t.dataDir, 'tmp'));
      for (let i = 0; i < 100 && left.length > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        left = await fs.readdir(path.join(t.dataDir, 'tmp'));
      }
      expect(left).toEqual([]);
    } finally {
      for (const name of ['wav49.wav', 'gsm-in-wav.wav', 'raw.gsm']) await fs.rm(path.join(monitor, name));
    }
  });

  it('deletes a recording for admin keys only', async () => {
    synth(monitor, 'to-delete.wav', { rate: 8000, channels: 1, seconds: 1 });
    const operator = await createTenantWithKey(t, {}, 'operator');
    const denied = await t.request('DELETE', `/api/recordings/${id('to-delete.wav')}`, { key: operator.key });
    expect(denied.status).toBe(403);
    const deniedOriginal = await t.request('DELETE', `/api/asterisk-sounds/${id('to-delete.wav')}`, {
      key: operator.key,
    });
    expect(deniedOriginal.status).toBe(403);
    const done = await t.request('DELETE', `/api/asterisk-sounds/${id('to-delete.wav')}`);
    expect(done.status).toBe(204);
    await expect(fs.stat(path.join(monitor, 'to-delete.wav'))).rejects.toThrow(/ENOENT/);
  });

  it('reloads through AMI and answers what Asterisk said; platform admins only', async () => {
    const client = pbx.clients[0]!;
    const sent: unknown[] = [];
    (client as unknown as { action: (a: unknown) => Promise<AmiResponse> }).action = (action) => {
      sent.push(action);
      return Promise.resolve(
        new AmiResponse(new AmiMessage(['Response', 'Success', 'Message', 'Module Reloaded'])),
      );
    };
    const res = await t.request('POST', '/api/asterisk-sounds/reload');
    expect(res).toMatchObject({
      status: 200,
      body: { pbx: 'main', response: 'Success', message: 'Module Reloaded' },
    });
    expect(sent).toEqual([{ Action: 'Reload' }]);
    // The PBX is shared: a tenant's own admin may not reload it, any more than its operator.
    for (const role of ['admin', 'operator'] as const) {
      const tenantKey = await createTenantWithKey(t, {}, role);
      const refused = await t.request('POST', '/api/asterisk-sounds/reload', { key: tenantKey.key });
      expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    }
    expect(sent).toHaveLength(1);
  });

  it('answers 503 pbx-unavailable when the PBX is not connected', async () => {
    pbx.clients[0]!.setState('reconnecting');
    const res = await t.request('POST', '/api/asterisk-sounds/reload');
    expect(res).toMatchObject({
      status: 503,
      body: { error: 'pbx-unavailable', details: { state: 'reconnecting' } },
    });
    pbx.clients[0]!.setState('ready');
  });
});
