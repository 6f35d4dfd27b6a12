import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePart as file, openSoundsApp, toneData, uploadSounds } from './helpers/sounds-app.js';
import { createTenantWithKey, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)("editing a sound's description on $name", (database) => {
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

  it('sets, trims and clears the description alone, leaving the name and files as they are', async () => {
    const tenant = await createTenantWithKey(t, {}, 'operator');
    const res = await uploadSounds(t, tenant.key, [file('greeting.wav', toneData(audio, 'g.wav'))]);
    const id: string = res.body.results[0].sound.id;
    const patch = (body: unknown) => t.request('PATCH', `/api/sounds/${id}`, { key: tenant.key, body });

    const set = await patch({ description: '  Played before the menu  ' });
    expect(set).toMatchObject({
      status: 200,
      body: { name: 'greeting', description: 'Played before the menu', activeVersion: { version: 1 } },
    });
    const cleared = await patch({ description: null });
    expect(cleared).toMatchObject({ status: 200, body: { name: 'greeting', description: null } });
  });

  it('refuses a bad description with a 400 naming the field, changing nothing', async () => {
    const tenant = await createTenantWithKey(t, {}, 'operator');
    const res = await uploadSounds(t, tenant.key, [
      { name: 'description', value: 'original' },
      file('menu.wav', toneData(audio, 'm.wav')),
    ]);
    const id: string = res.body.results[0].sound.id;
    const patch = (body: unknown) => t.request('PATCH', `/api/sounds/${id}`, { key: tenant.key, body });

    for (const description of ['x'.repeat(501), 'two\nlines', '   ', 42]) {
      const answer = await patch({ description });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'validation-failed' });
      expect(JSON.stringify(answer.body.details)).toContain('description');
    }
    const sound = await t.request('GET', `/api/sounds/${id}`, { key: tenant.key });
    expect(sound.body.description).toBe('original');
  });

  it("lets a viewer not edit it, and hides another tenant's sound", async () => {
    const owner = await createTenantWithKey(t);
    const res = await uploadSounds(t, owner.key, [file('private.wav', toneData(audio, 'p.wav'))]);
    const id: string = res.body.results[0].sound.id;
    const viewer = await t.request('POST', `/api/tenants/${owner.id}/api-keys`, {
      body: { name: 'viewer', role: 'viewer' },
    });
    const stranger = await createTenantWithKey(t, {}, 'operator');
    const byViewer = await t.request('PATCH', `/api/sounds/${id}`, {
      key: viewer.body.key as string,
      body: { description: 'x' },
    });
    expect(byViewer.status).toBe(403);
    const byStranger = await t.request('PATCH', `/api/sounds/${id}`, {
      key: stranger.key,
      body: { description: 'x' },
    });
    expect(byStranger.status).toBe(404);
  });
});
