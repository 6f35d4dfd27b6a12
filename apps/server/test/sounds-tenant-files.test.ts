import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePart, FORMATS, ls, toneData, uploadSounds, useSoundsApp } from './helpers/sounds-app.js';
import { createTenantWithKey } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const databases = await testDatabases();
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/** A tenant's sound files follow its slug, and go with it when it is deleted. */
describe.each(databases)("a tenant's sound files on $name", (database) => {
  const app = useSoundsApp(database);

  /** A tenant with one ready sound, "welcome". */
  async function tenantWithSound() {
    const tenant = await createTenantWithKey(app.t);
    const uploaded = await uploadSounds(app.t, tenant.key, [
      { name: 'name', value: 'welcome' },
      filePart('welcome.wav', toneData(app.audio, `${tenant.id}.wav`, { seconds: 1 })),
    ]);
    expect(uploaded.status).toBe(201);
    return { ...tenant, soundId: uploaded.body.results[0].sound.id as string };
  }
  const slugFolder = (slug: string) => path.join(app.soundsDir, slug);

  it('moves the PBX folder with a new slug, so what the dialplan plays is still there', async () => {
    const a = await tenantWithSound();
    const renamed = `${a.tenant.slug}-new`;
    const res = await app.t.request('PATCH', `/api/tenants/${a.id}`, { body: { slug: renamed } });
    expect(res).toMatchObject({ status: 200, body: { slug: renamed } });
    expect(await ls(slugFolder(renamed))).toEqual(FORMATS.map((f) => `welcome.${f}`));
    expect(await exists(slugFolder(a.tenant.slug))).toBe(false);
    const sound = await app.t.request('GET', `/api/sounds/${a.soundId}`, { key: a.key });
    expect(sound.body.playback).toBe(`custom/${renamed}/welcome`);
  });

  it('refuses a slug whose PBX folder already holds files (409), keeping the slug and every file', async () => {
    const b = await tenantWithSound();
    const taken = `${b.tenant.slug}-x`;
    await fs.mkdir(slugFolder(taken));
    await fs.writeFile(path.join(slugFolder(taken), 'stray.wav'), 'not ours');
    const res = await app.t.request('PATCH', `/api/tenants/${b.id}`, {
      body: { slug: taken, name: 'Renamed' },
    });
    expect(res).toMatchObject({ status: 409, body: { error: 'sound-folder-taken' } });
    expect(res.body.message).toContain(taken);
    const after = await app.t.request('GET', `/api/tenants/${b.id}`);
    // Nothing of the refused change is stored, the name sent with it included.
    expect(after.body).toMatchObject({ slug: b.tenant.slug, name: b.tenant.name });
    expect(await ls(slugFolder(b.tenant.slug))).toEqual(FORMATS.map((f) => `welcome.${f}`));
    expect(await ls(slugFolder(taken))).toEqual(['stray.wav']);
    // An empty folder under the new slug is no obstacle.
    const free = `${b.tenant.slug}-y`;
    await fs.mkdir(slugFolder(free));
    expect((await app.t.request('PATCH', `/api/tenants/${b.id}`, { body: { slug: free } })).status).toBe(200);
    expect(await ls(slugFolder(free))).toEqual(FORMATS.map((f) => `welcome.${f}`));
  });

  it('moves the folder back when the new slug can not be stored (another tenant has it)', async () => {
    const c = await tenantWithSound();
    const other = await createTenantWithKey(app.t);
    const res = await app.t.request('PATCH', `/api/tenants/${c.id}`, { body: { slug: other.tenant.slug } });
    expect(res).toMatchObject({ status: 409, body: { error: 'slug-taken' } });
    expect(await ls(slugFolder(c.tenant.slug))).toEqual(FORMATS.map((f) => `welcome.${f}`));
    expect(await exists(slugFolder(other.tenant.slug))).toBe(false);
  });

  it("removes a deleted tenant's PBX folder, version archives and originals, and nobody else's", async () => {
    const gone = await tenantWithSound();
    const kept = await tenantWithSound();
    const versionsOf = async (tenant: { key: string; soundId: string }) =>
      (await app.t.request('GET', `/api/sounds/${tenant.soundId}/versions`, { key: tenant.key }))
        .body as Array<{
        id: string;
      }>;
    const [goneVersion] = await versionsOf(gone);
    const [keptVersion] = await versionsOf(kept);
    const originals = await ls(path.join(app.uploadsDir, 'originals'));
    expect(await exists(path.join(app.uploadsDir, 'versions', goneVersion!.id))).toBe(true);

    expect((await app.t.request('DELETE', `/api/tenants/${gone.id}`)).status).toBe(204);
    expect(await exists(slugFolder(gone.tenant.slug))).toBe(false);
    expect(await exists(path.join(app.uploadsDir, 'versions', goneVersion!.id))).toBe(false);
    expect((await ls(path.join(app.uploadsDir, 'originals'))).length).toBe(originals.length - 1);
    expect(await ls(slugFolder(kept.tenant.slug))).toEqual(FORMATS.map((f) => `welcome.${f}`));
    expect(await exists(path.join(app.uploadsDir, 'versions', keptVersion!.id))).toBe(true);
  });
});
