import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { multipartBody } from './helpers/multipart.js';
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

describe.each(databases)('sound uploads on $name', (database) => {
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

  it('converts an upload to every Asterisk format under the tenant folder, keeping the original under a generated name', async () => {
    const tenant = await createTenantWithKey(t, {}, 'operator');
    const data = tone('welcome.wav', { seconds: 1 });
    const res = await upload(tenant.key, [
      { name: 'description', value: 'Greeting' },
      file('Welcome Message.wav', data),
    ]);
    expect(res.status).toBe(201);
    const sound = res.body.results[0].sound;
    expect(sound).toMatchObject({
      name: 'welcome-message',
      description: 'Greeting',
      status: 'ready',
      playback: `custom/${tenant.tenant.slug}/welcome-message`,
      versionCount: 1,
      usageCount: 0,
      activeVersion: {
        version: 1,
        active: true,
        original: {
          name: 'Welcome Message.wav',
          format: 'wav',
          sampleRate: 44100,
          channels: 2,
          durationMs: 1000,
          sizeBytes: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
        },
      },
    });
    expect(sound.activeVersion.formats.map((f: { format: string }) => f.format).sort()).toEqual(FORMATS);
    expect(await ls(path.join(soundsDir, tenant.tenant.slug))).toEqual(
      FORMATS.map((ext) => `welcome-message.${ext}`).sort(),
    );
    const originals = await ls(path.join(uploadsDir, 'originals'));
    expect(originals.length).toBeGreaterThan(0);
    originals.forEach((name) => expect(name).toMatch(/^[0-9a-f-]{36}$/));
    // No temp folder is left in the PBX folder.
    expect((await ls(soundsDir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('answers processing at once without wait, then ready', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [file('later.wav', tone('later.wav'))], '');
    expect(res.status).toBe(201);
    expect(res.body.results[0].sound.status).toBe('processing');
    const id = res.body.results[0].sound.id;
    let status = 'processing';
    while (status === 'processing') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await t.request('GET', `/api/sounds/${id}`, { key: tenant.key })).body.status;
    }
    expect(status).toBe('ready');
  });

  it('finishes a conversion under way before the app closes, so its status is recorded', async () => {
    const other = await startTestApp(db.handle);
    const tenant = await createTenantWithKey(other);
    const { payload, headers } = multipartBody([file('closing.wav', tone('closing.wav', { seconds: 3 }))]);
    const res = await other.app.inject({
      method: 'POST',
      url: '/api/sounds',
      headers: { ...headers, authorization: `Bearer ${tenant.key}` },
      payload,
    });
    expect(res.json().results[0].sound.status).toBe('processing');
    await other.close();
    const sound = await t.request('GET', `/api/sounds/${res.json().results[0].sound.id}`);
    expect(sound.body.status).toBe('ready');
  });

  it.each([
    ['text posing as WAV', 'notes.wav', Buffer.from('hello, this is not audio\n'.repeat(40)), undefined],
    ['a PDF', 'doc.mp3', Buffer.from('%PDF-1.7\n' + 'x'.repeat(500)), undefined],
    [
      'a RIFF header with garbage',
      'bad.wav',
      Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WAVEjunk', 'latin1'), Buffer.alloc(300, 7)]),
      undefined,
    ],
    ['text declared as raw GSM', 'x.gsm', Buffer.from('a'.repeat(330)), 'gsm'],
  ])('refuses %s with 415 and the reason, keeping nothing', async (_label, filename, data, type) => {
    const tenant = await createTenantWithKey(t);
    const before = await ls(path.join(uploadsDir, 'originals'));
    const parts: MultipartPart[] = type ? [{ name: 'type', value: type }] : [];
    const res = await upload(tenant.key, [...parts, file(filename, data)]);
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('unsupported-media-type');
    expect(res.body.message.length).toBeGreaterThan(10);
    expect(await ls(path.join(uploadsDir, 'originals'))).toEqual(before);
    expect(await ls(path.join(soundsDir, tenant.tenant.slug))).toEqual([]);
  });

  it('accepts raw u-law, a-law and GSM when their type is given, and GSM-in-WAV', async () => {
    const tenant = await createTenantWithKey(t);
    const ulaw = tone('raw.ul', { rate: 8000, channels: 1 });
    const res = await upload(tenant.key, [{ name: 'type', value: 'ulaw' }, file('raw.ulaw', ulaw)]);
    expect(res.status).toBe(201);
    expect(res.body.results[0].sound).toMatchObject({
      status: 'ready',
      activeVersion: { original: { format: 'ulaw', sampleRate: 8000, channels: 1, durationMs: 1000 } },
    });
    const missingType = await upload(tenant.key, [file('raw2.ulaw', ulaw)]);
    expect(missingType.status).toBe(415);
    const alaw = await upload(tenant.key, [
      { name: 'type', value: 'alaw' },
      file('raw.alaw', tone('raw.al', { rate: 8000, channels: 1 })),
    ]);
    expect(alaw.body.results[0].sound).toMatchObject({
      status: 'ready',
      activeVersion: { original: { format: 'alaw' } },
    });
    const gsm = await upload(tenant.key, [
      { name: 'type', value: 'gsm' },
      file('raw.gsm', tone('raw.gsm', { rate: 8000, channels: 1 })),
    ]);
    expect(gsm.body.results[0].sound).toMatchObject({
      status: 'ready',
      activeVersion: { original: { format: 'gsm', durationMs: 1000 } },
    });
    const wav49 = await upload(tenant.key, [
      file('wav49.wav', tone('w49.wav', { rate: 8000, channels: 1, encoding: 'gsm-full-rate' })),
    ]);
    expect(wav49.body.results[0].sound).toMatchObject({
      status: 'ready',
      activeVersion: { original: { format: 'wav', encoding: 'GSM' } },
    });
  });

  it('accepts MP3, OGG and FLAC by content whatever their names say', async () => {
    const tenant = await createTenantWithKey(t);
    for (const ext of ['mp3', 'ogg', 'flac']) {
      const res = await upload(tenant.key, [file(`misnamed-${ext}.wav`, tone(`x.${ext}`))]);
      expect(res.status).toBe(201);
      expect(res.body.results[0].sound.activeVersion.original.format).toBe(ext);
    }
  });

  it('answers 422 audio-too-long over the configured duration', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [
      file('long.wav', tone('long.wav', { rate: 8000, channels: 1, seconds: 6 })),
    ]);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'audio-too-long', details: { limitSeconds: 5 } });
  });

  it('answers 413 over the configured size, keeping nothing of the file', async () => {
    const tenant = await createTenantWithKey(t);
    const before = await ls(path.join(uploadsDir, 'originals'));
    const big = tone('big.wav', { rate: 44100, channels: 2, seconds: 4 }); // ~1.4 MB at 16-bit? 32-bit: 1.4 MB
    const huge = Buffer.concat([big, big]);
    const res = await upload(tenant.key, [file('big.wav', huge)]);
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payload-too-large');
    expect(await ls(path.join(uploadsDir, 'originals'))).toEqual(before);
  });

  it('gives each file of a batch its own result (207 when some fail)', async () => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [
      file('one.wav', tone('one.wav')),
      file('two.txt', Buffer.from('not audio'.repeat(50))),
      file('three.flac', tone('three.flac')),
    ]);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: { file: string; status: number }) => [r.file, r.status])).toEqual([
      ['one.wav', 201],
      ['two.txt', 415],
      ['three.flac', 201],
    ]);
    expect(res.body.results[1].error.error).toBe('unsupported-media-type');
    const all = await upload(tenant.key, [
      file('four.wav', tone('four.wav')),
      file('five.wav', tone('five.wav')),
    ]);
    expect(all.status).toBe(201);
  });

  it('keeps the results of the first 20 files of a batch and refuses the rest with 413', async () => {
    const tenant = await createTenantWithKey(t);
    const junk = Array.from({ length: 22 }, (_, i) =>
      file(`junk-${i}.wav`, Buffer.from('not audio '.repeat(20))),
    );
    const res = await upload(tenant.key, junk);
    expect(res.status).toBe(207);
    expect(res.body.results).toHaveLength(21);
    expect(res.body.results.slice(0, 20).every((r: { status: number }) => r.status === 415)).toBe(true);
    expect(res.body.results[20]).toMatchObject({ status: 413, error: { error: 'payload-too-large' } });
  });

  it.each([
    ['../../../../etc/passwd', 'etc-passwd'],
    ['%2e%2e%2f%2e%2e%2fescape', 'escape'],
    ['/var/lib/asterisk/sounds/en/hello-world', 'var-lib-asterisk-sounds-en-hello-world'],
    ['evil\u0000name', 'evil-name'],
  ])('keeps the hostile name %j inside the tenant folder', async (name, expected) => {
    const tenant = await createTenantWithKey(t);
    const res = await upload(tenant.key, [
      { name: 'name', value: name.replace('\u0000', '%00') },
      file('x.wav', tone('n.wav')),
    ]);
    if (name.includes('\u0000')) {
      // A NUL can not travel in a multipart field value; the percent-encoded form is decoded and sanitised.
      expect(res.body.results[0].sound.name).toBe(expected);
    } else {
      expect(res.body.results[0].sound.name).toBe(expected);
    }
    expect(await ls(path.join(soundsDir, tenant.tenant.slug))).toContain(`${expected}.wav`);
    expect(await ls(soundsDir)).not.toContain('etc');
  });

  it('refuses a tenant folder that is a symlink out of the sounds folder (version fails, nothing written outside)', async () => {
    const tenant = await createTenantWithKey(t);
    const outside = path.join(t.dataDir, 'outside');
    await fs.mkdir(outside);
    await fs.mkdir(soundsDir, { recursive: true });
    await fs.symlink(outside, path.join(soundsDir, tenant.tenant.slug));
    const res = await upload(tenant.key, [file('x.wav', tone('s.wav'))]);
    expect(res.body.results[0].sound).toMatchObject({ status: 'failed', activeVersion: null });
    expect(res.body.results[0].sound.error).toMatch(/not a plain folder/);
    expect(await ls(outside)).toEqual([]);
    expect((await ls(soundsDir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });
});
