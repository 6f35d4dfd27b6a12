import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../src/common/auth/api-key-secret.js';
import * as platformApiKeys from '../src/db/migrations/0009-platform-api-keys.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Platform keys: stored admin keys without a tenant, which span every tenant; only platform keys manage them. */
describe.each(databases)('platform API keys on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let tenant: { id: string; key: string };
  const tenantKeys: Record<'admin' | 'operator' | 'viewer', string> = { admin: '', operator: '', viewer: '' };

  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle);
    tenant = await createTenantWithKey(t);
    tenantKeys.admin = tenant.key;
    for (const role of ['operator', 'viewer'] as const) {
      const created = await t.request('POST', `/api/tenants/${tenant.id}/api-keys`, {
        body: { name: role, role },
      });
      tenantKeys[role] = created.body.key;
    }
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  const platformKeyIds = async () =>
    (await t.request('GET', '/api/api-keys?limit=200')).body.items.map(
      (k: { id: string }) => k.id,
    ) as string[];

  it('creates a platform admin key shown once, which /api/auth/me reports without a tenant', async () => {
    const created = await t.request('POST', '/api/api-keys', { body: { name: 'ops' } });
    expect(created).toMatchObject({
      status: 201,
      body: { tenantId: null, role: 'admin', name: 'ops', revokedAt: null },
    });
    expect(created.body.key).toMatch(/^sb_/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    const me = await t.request('GET', '/api/auth/me', { key: created.body.key });
    expect(me.body).toEqual({ keyId: created.body.id, tenantId: null, role: 'admin' });

    const listed = await t.request('GET', '/api/api-keys?limit=200');
    const entry = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(entry).toMatchObject({ tenantId: null, role: 'admin', prefix: created.body.prefix });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    // Only platform keys are listed, never a tenant's.
    for (const key of listed.body.items) expect(key.tenantId).toBeNull();

    // A stored platform key is a platform principal too: it may issue another.
    const second = await t.request('POST', '/api/api-keys', {
      key: created.body.key,
      body: { name: 'second', role: 'admin' },
    });
    expect(second).toMatchObject({ status: 201, body: { tenantId: null, role: 'admin' } });
  });

  it('refuses a platform key of another role, and bad input, with 400 naming the field', async () => {
    const before = await platformKeyIds();
    for (const role of ['operator', 'viewer', 'root']) {
      const res = await t.request('POST', '/api/api-keys', { body: { name: 'x', role } });
      expect(res).toMatchObject({ status: 400, body: { error: 'validation-failed' } });
      expect(res.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['role']);
    }
    const noName = await t.request('POST', '/api/api-keys', { body: {} });
    expect(noName).toMatchObject({ status: 400, body: { error: 'validation-failed' } });
    expect(await platformKeyIds()).toEqual(before);
  });

  it('answers 403 to every tenant key, admin included, on the platform key endpoints, and changes nothing', async () => {
    const victim = await t.request('POST', '/api/api-keys', { body: { name: 'victim' } });
    const before = await platformKeyIds();
    for (const key of Object.values(tenantKeys)) {
      const probes = [
        await t.request('GET', '/api/api-keys', { key }),
        await t.request('POST', '/api/api-keys', { key, body: { name: 'escalate' } }),
        await t.request('DELETE', `/api/api-keys/${victim.body.id}`, { key }),
        await t.request('DELETE', `/api/api-keys/${MISSING}`, { key }),
      ];
      for (const res of probes) expect(res).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(probes[3]!.body).toEqual(probes[2]!.body);
    }
    expect(await platformKeyIds()).toEqual(before);
    expect((await t.request('GET', '/api/auth/me', { key: victim.body.key })).status).toBe(200);
  });

  it("revokes a platform key; a tenant key's id, a missing and a malformed one answer 404", async () => {
    const created = await t.request('POST', '/api/api-keys', { body: { name: 'short-lived' } });
    const tenantKey = await t.request('POST', `/api/tenants/${tenant.id}/api-keys`, {
      body: { name: 'not platform', role: 'viewer' },
    });
    for (const id of [tenantKey.body.id, MISSING, 'not-a-uuid']) {
      const res = await t.request('DELETE', `/api/api-keys/${id}`);
      expect(res).toMatchObject({ status: 404, body: { error: 'not-found' } });
    }
    expect((await t.request('GET', '/api/auth/me', { key: tenantKey.body.key })).status).toBe(200);

    expect((await t.request('DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { key: created.body.key })).status).toBe(401);
    const listed = await t.request('GET', '/api/api-keys?limit=200');
    const entry = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(entry.revokedAt).not.toBeNull();
  });

  it('migration 0009 deletes tenantless operator and viewer rows (never usable) and then refuses new ones', async () => {
    // The migration as written, on this database's schema (it takes an untyped Kysely).
    const untyped = db.handle.db as unknown as Kysely<unknown>;
    await platformApiKeys.down(untyped);
    const stale = generateApiKey();
    await db.handle.db
      .insertInto('api_keys')
      .values({ tenant_id: null, name: 'stale', role: 'viewer', prefix: stale.prefix, key_hash: stale.hash })
      .execute();
    await platformApiKeys.up(untyped);
    const rows = await db.handle.db
      .selectFrom('api_keys')
      .select('name')
      .where('name', '=', 'stale')
      .execute();
    expect(rows).toEqual([]);
    const again = generateApiKey();
    await expect(
      db.handle.db
        .insertInto('api_keys')
        .values({ tenant_id: null, name: 'x', role: 'operator', prefix: again.prefix, key_hash: again.hash })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
    // Tenant keys and platform admin keys are untouched.
    expect((await t.request('GET', '/api/auth/me', { key: tenant.key })).status).toBe(200);
    expect((await t.request('GET', '/api/api-keys')).status).toBe(200);
  });
});
