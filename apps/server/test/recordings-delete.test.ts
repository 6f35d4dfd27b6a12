import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingCallLookup } from '../src/recordings/recording-call-lookup.js';
import { synth } from './helpers/sox-audio.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();
const id = (relativePath: string) => Buffer.from(relativePath).toString('base64url');
const CALL_ID = '5d0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

/**
 * Issue 6: a recording is deleted by admin keys of its tenant (or platform keys), or by operator keys when their
 * tenant allows it.
 */
describe.each(databases)('recording delete by tenant setting on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let monitor: string;
  let owner: { id: string; key: string };
  /** The recording files (by name) that belong to the owner tenant's call. */
  const owned = new Set<string>();

  const operatorsMay = async (tenantId: string, allowed: boolean) => {
    const res = await t.request('PATCH', `/api/tenants/${tenantId}`, {
      body: { operatorsMayDeleteRecordings: allowed },
    });
    expect(res).toMatchObject({ status: 200, body: { operatorsMayDeleteRecordings: allowed } });
  };
  const keyOf = async (tenantId: string, role: 'operator' | 'viewer') =>
    (await t.request('POST', `/api/tenants/${tenantId}/api-keys`, { body: { name: role, role } })).body
      .key as string;
  const recording = (name: string, ofOwner = true) => {
    synth(monitor, name, { rate: 8000, channels: 1, seconds: 1 });
    if (ofOwner) owned.add(name);
    return name;
  };
  const exists = (name: string) =>
    fs.stat(path.join(monitor, name)).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle);
    monitor = path.join(t.dataDir, 'pbx-sim', 'monitor');
    await fs.mkdir(monitor, { recursive: true });
    owner = await createTenantWithKey(t, {}, 'operator');
    const lookup = t.app.get(RecordingCallLookup);
    lookup.find = (files) =>
      Promise.resolve(
        new Map(
          files
            .filter((f) => owned.has(f.relativePath))
            .map(
              (f) =>
                [
                  f.relativePath,
                  {
                    callId: CALL_ID,
                    tenantId: owner.id,
                    to: '+12025550100',
                    from: null,
                    status: 'completed',
                  },
                ] as const,
            ),
        ),
      );
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('refuses an operator with 403 and keeps the file while the tenant setting is false (the default)', async () => {
    expect((await t.request('GET', `/api/tenants/${owner.id}`)).body.operatorsMayDeleteRecordings).toBe(
      false,
    );
    const name = recording('kept-by-default.wav');
    for (const url of [`/api/recordings/${id(name)}`, `/api/asterisk-sounds/${id(name)}`]) {
      const res = await t.request('DELETE', url, { key: owner.key });
      expect(res).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    }
    // The operator does see it: the refusal is the setting, not the scoping.
    expect((await t.request('GET', `/api/recordings/${id(name)}`, { key: owner.key })).status).toBe(200);
    expect(await exists(name)).toBe(true);
  });

  it("lets an operator delete its own tenant's recording (both paths) once the tenant allows it", async () => {
    await operatorsMay(owner.id, true);
    try {
      for (const base of ['/api/recordings', '/api/asterisk-sounds']) {
        const name = recording(`allowed-${base.split('/').at(-1)}.wav`);
        const res = await t.request('DELETE', `${base}/${id(name)}`, { key: owner.key });
        expect([base, res.status]).toEqual([base, 204]);
        expect(await exists(name)).toBe(false);
      }
    } finally {
      await operatorsMay(owner.id, false);
    }
  });

  it('answers 404 to an allowed operator of another tenant, and for a file with no known call; both kept', async () => {
    await operatorsMay(owner.id, true);
    const stranger = await createTenantWithKey(t, { operatorsMayDeleteRecordings: true }, 'operator');
    expect(stranger.tenant.operatorsMayDeleteRecordings).toBe(true);
    try {
      const theirs = recording('not-the-strangers.wav');
      const orphan = recording('no-known-call.wav', false);
      for (const name of [theirs, orphan]) {
        for (const url of [`/api/recordings/${id(name)}`, `/api/asterisk-sounds/${id(name)}`]) {
          const res = await t.request('DELETE', url, { key: stranger.key });
          expect([url, res.status, res.body.error]).toEqual([url, 404, 'not-found']);
        }
      }
      const orphanByOwner = await t.request('DELETE', `/api/recordings/${id(orphan)}`, { key: owner.key });
      expect(orphanByOwner.status).toBe(404);
      expect(await exists(theirs)).toBe(true);
      expect(await exists(orphan)).toBe(true);
      // Files with no known call stay platform-only.
      expect((await t.request('DELETE', `/api/recordings/${id(orphan)}`)).status).toBe(204);
      expect(await exists(orphan)).toBe(false);
    } finally {
      await operatorsMay(owner.id, false);
    }
  });

  it('never lets a viewer delete, even when the tenant allows operators', async () => {
    await operatorsMay(owner.id, true);
    try {
      const viewer = await keyOf(owner.id, 'viewer');
      const name = recording('viewer-may-not.wav');
      for (const url of [`/api/recordings/${id(name)}`, `/api/asterisk-sounds/${id(name)}`]) {
        const res = await t.request('DELETE', url, { key: viewer });
        expect(res).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      }
      expect(await exists(name)).toBe(true);
      // A platform key still may.
      expect((await t.request('DELETE', `/api/recordings/${id(name)}`)).status).toBe(204);
      expect(await exists(name)).toBe(false);
    } finally {
      await operatorsMay(owner.id, false);
    }
  });

  it("lets a tenant's admin delete its own tenant's recording only: another tenant's and one with no known call answer 404", async () => {
    const ownerAdmin = (
      await t.request('POST', `/api/tenants/${owner.id}/api-keys`, {
        body: { name: 'owner admin', role: 'admin' },
      })
    ).body.key as string;
    const strangerAdmin = (await createTenantWithKey(t, {}, 'admin')).key;
    const theirs = recording('owner-admin-deletes.wav');
    const orphan = recording('orphan-not-for-tenant-admins.wav', false);
    const answers = [];
    for (const [key, name] of [
      [strangerAdmin, theirs],
      [strangerAdmin, orphan],
      [ownerAdmin, orphan],
    ] as const) {
      for (const url of [`/api/recordings/${id(name)}`, `/api/asterisk-sounds/${id(name)}`]) {
        const res = await t.request('DELETE', url, { key });
        answers.push([url, res.status, res.body.error]);
        expect(answers.at(-1)).toEqual([url, 404, 'not-found']);
      }
      const listed = await t.request('GET', '/api/recordings?limit=200', { key });
      expect(listed.body.items.map((r: { path: string }) => r.path)).not.toContain(orphan);
    }
    const missing = await t.request('DELETE', `/api/recordings/${id('never-was.wav')}`, {
      key: strangerAdmin,
    });
    expect({ status: missing.status, body: missing.body }).toEqual({
      status: 404,
      body: (await t.request('DELETE', `/api/recordings/${id(theirs)}`, { key: strangerAdmin })).body,
    });
    expect(await exists(theirs)).toBe(true);
    expect(await exists(orphan)).toBe(true);

    expect((await t.request('DELETE', `/api/recordings/${id(theirs)}`, { key: ownerAdmin })).status).toBe(
      204,
    );
    expect(await exists(theirs)).toBe(false);
    expect((await t.request('DELETE', `/api/recordings/${id(orphan)}`)).status).toBe(204);
  });
});
