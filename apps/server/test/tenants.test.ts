import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../src/common/auth/api-key-secret.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('tenants and API keys on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle);
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('creates a tenant with defaults and reads it back', async () => {
    const res = await t.request('POST', '/api/tenants', { body: { name: 'Acme', slug: 'acme' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Acme',
      slug: 'acme',
      defaultCountry: 'US',
      originateChannelTemplate: 'Local/{number}@from-internal',
      didRotation: 'round-robin',
      answerDestination: null,
      enabled: true,
      operatorsMayDeleteRecordings: false,
    });
    const got = await t.request('GET', `/api/tenants/${res.body.id}`);
    expect(got.body).toEqual(res.body);
  });

  it('stores operatorsMayDeleteRecordings on create and update and reads it back', async () => {
    const created = await t.request('POST', '/api/tenants', {
      body: { name: 'Rec', slug: 'rec-delete', operatorsMayDeleteRecordings: true },
    });
    expect(created).toMatchObject({ status: 201, body: { operatorsMayDeleteRecordings: true } });
    const url = `/api/tenants/${created.body.id}`;
    for (const value of [false, true, false]) {
      const res = await t.request('PATCH', url, { body: { operatorsMayDeleteRecordings: value } });
      expect(res).toMatchObject({ status: 200, body: { operatorsMayDeleteRecordings: value } });
      expect((await t.request('GET', url)).body.operatorsMayDeleteRecordings).toBe(value);
    }
    const other = await t.request('PATCH', url, { body: { name: 'Renamed' } });
    expect(other.body).toMatchObject({ name: 'Renamed', operatorsMayDeleteRecordings: false });
    const bad = await t.request('PATCH', url, { body: { operatorsMayDeleteRecordings: 'yes' } });
    expect(bad).toMatchObject({ status: 400, body: { error: 'validation-failed' } });
  });

  it('validates input and lists every problem in details', async () => {
    const res = await t.request('POST', '/api/tenants', {
      body: {
        name: 'Bad\r\nName',
        slug: 'Not A Slug',
        defaultCountry: 'XX',
        originateChannelTemplate: 'SIP/trunk',
        answerDestination: { type: 'dialplan', context: 'from internal', exten: 's' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation-failed');
    const paths = res.body.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(
      ['answerDestination.context', 'defaultCountry', 'name', 'originateChannelTemplate', 'slug'].sort(),
    );
  });

  it('answers 409 slug-taken for a duplicate slug', async () => {
    await t.request('POST', '/api/tenants', { body: { name: 'One', slug: 'dup' } });
    const res = await t.request('POST', '/api/tenants', { body: { name: 'Two', slug: 'dup' } });
    expect(res).toMatchObject({ status: 409, body: { error: 'slug-taken' } });
  });

  it('lets an admin key change tenant settings, but not operators or viewers', async () => {
    const { id, key } = await createTenantWithKey(t);
    const change = {
      callerName: 'Acme Sales',
      maxConcurrentCalls: 20,
      callsPerSecond: 2.5,
      didRotation: 'local-presence',
      defaultCountry: 'gb',
      answerDestination: { type: 'dialplan', context: 'from-internal', exten: '100', priority: 1 },
    };
    const res = await t.request('PATCH', `/api/tenants/${id}`, { key, body: change });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...change, defaultCountry: 'GB' });
    for (const role of ['operator', 'viewer'] as const) {
      const other = await t.request('POST', `/api/tenants/${id}/api-keys`, { body: { name: role, role } });
      const denied = await t.request('PATCH', `/api/tenants/${id}`, {
        key: other.body.key,
        body: { name: 'x' },
      });
      expect(denied).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    }
  });

  it("lets only a platform key create and delete tenants: a tenant's admin key gets 403, like operators and viewers", async () => {
    const { id, key } = await createTenantWithKey(t);
    const other = await createTenantWithKey(t);
    const MISSING = '00000000-0000-4000-8000-000000000000';
    const weakKeys: string[] = [];
    for (const role of ['operator', 'viewer'] as const) {
      const weak = await t.request('POST', `/api/tenants/${id}/api-keys`, {
        key,
        body: { name: role, role },
      });
      weakKeys.push(weak.body.key);
    }
    for (const tenantKey of [key, ...weakKeys]) {
      const denied = await t.request('POST', '/api/tenants', {
        key: tenantKey,
        body: { name: 'Mine', slug: 'mine-by-tenant-key' },
      });
      expect(denied).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      // The same answer for its own, another and a missing tenant: nothing learnt, nothing deleted.
      const answers = [];
      for (const target of [id, other.id, MISSING]) {
        const del = await t.request('DELETE', `/api/tenants/${target}`, { key: tenantKey });
        answers.push({ status: del.status, body: del.body });
      }
      expect(answers[0]).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
    const all = await t.request('GET', '/api/tenants?limit=200');
    expect(all.body.items.map((x: { slug: string }) => x.slug)).not.toContain('mine-by-tenant-key');
    expect((await t.request('GET', `/api/tenants/${id}`)).status).toBe(200);
    expect((await t.request('GET', `/api/tenants/${other.id}`)).status).toBe(200);

    const created = await t.request('POST', '/api/tenants', { body: { name: 'Mine', slug: 'mine' } });
    expect(created).toMatchObject({ status: 201, body: { slug: 'mine' } });
    expect((await t.request('DELETE', `/api/tenants/${other.id}`)).status).toBe(204);
    expect((await t.request('GET', `/api/tenants/${other.id}`)).status).toBe(404);
    // Its keys went with it.
    expect((await t.request('GET', '/api/auth/me', { key: other.key })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { key })).status).toBe(200);
  });

  it("lists every tenant for a platform key, only the key's own for every tenant key, admin included", async () => {
    const { id, key } = await createTenantWithKey(t);
    const other = await createTenantWithKey(t);
    const all = await t.request('GET', '/api/tenants?limit=200');
    expect(all.body.items.map((tenant: { id: string }) => tenant.id)).toEqual(
      expect.arrayContaining([id, other.id]),
    );
    const own = await t.request('GET', '/api/tenants?limit=200', { key });
    expect(own.body).toMatchObject({ items: [{ id }], nextCursor: null });
    for (const role of ['operator', 'viewer'] as const) {
      const weak = await t.request('POST', `/api/tenants/${id}/api-keys`, {
        key,
        body: { name: role, role },
      });
      const res = await t.request('GET', '/api/tenants', { key: weak.body.key });
      expect(res.body.items.map((tenant: { id: string }) => tenant.id)).toEqual([id]);
    }
  });

  it('pages through tenants with limit and cursor, without repeats or gaps', async () => {
    for (let i = 0; i < 5; i++) await createTenantWithKey(t);
    const all = await t.request('GET', '/api/tenants?limit=200');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.request('GET', `/api/tenants?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((tenant: { id: string }) => tenant.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((tenant: { id: string }) => tenant.id));
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await t.request('GET', '/api/tenants?cursor=garbage');
    expect(bad).toMatchObject({ status: 400, body: { error: 'validation-failed' } });
    const tooMany = await t.request('GET', '/api/tenants?limit=1000');
    expect(tooMany.status).toBe(400);
  });

  it('shows a new key once, stores only its hash, lists it by prefix and records use', async () => {
    const { id } = await createTenantWithKey(t);
    const created = await t.request('POST', `/api/tenants/${id}/api-keys`, {
      body: { name: 'crm', role: 'viewer' },
    });
    expect(created.status).toBe(201);
    const { key, prefix } = created.body;
    expect(key).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const stored = await db.handle.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await t.request('GET', '/api/auth/me', { key })).body).toEqual({
      keyId: created.body.id,
      tenantId: id,
      role: 'viewer',
    });
    const list = await t.request('GET', `/api/tenants/${id}/api-keys`);
    const listed = list.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ prefix, name: 'crm', role: 'viewer', revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(key);
  });

  it('refuses a revoked key with 401', async () => {
    const { id } = await createTenantWithKey(t);
    const created = await t.request('POST', `/api/tenants/${id}/api-keys`, {
      body: { name: 'old', role: 'operator' },
    });
    expect((await t.request('GET', `/api/tenants/${id}`, { key: created.body.key })).status).toBe(200);
    const revoke = await t.request('DELETE', `/api/tenants/${id}/api-keys/${created.body.id}`);
    expect(revoke.status).toBe(204);
    expect((await t.request('GET', `/api/tenants/${id}`, { key: created.body.key })).status).toBe(401);
    const list = await t.request('GET', `/api/tenants/${id}/api-keys`);
    expect(list.body.items.find((k: { id: string }) => k.id === created.body.id).revokedAt).not.toBeNull();
  });

  it('lets only admins create, list and revoke keys: an operator or viewer cannot, not even a weaker key', async () => {
    const { id } = await createTenantWithKey(t);
    const victim = await t.request('POST', `/api/tenants/${id}/api-keys`, {
      body: { name: 'victim', role: 'viewer' },
    });
    for (const role of ['operator', 'viewer'] as const) {
      const weak = await t.request('POST', `/api/tenants/${id}/api-keys`, { body: { name: role, role } });
      for (const wanted of ['admin', 'operator', 'viewer']) {
        const res = await t.request('POST', `/api/tenants/${id}/api-keys`, {
          key: weak.body.key,
          body: { name: 'escalate', role: wanted },
        });
        expect(res).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      }
      const list = await t.request('GET', `/api/tenants/${id}/api-keys`, { key: weak.body.key });
      expect(list).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      const revoke = await t.request('DELETE', `/api/tenants/${id}/api-keys/${victim.body.id}`, {
        key: weak.body.key,
      });
      expect(revoke).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    }
    const keys = await t.request('GET', `/api/tenants/${id}/api-keys`);
    expect(keys.body.items.find((k: { id: string }) => k.id === victim.body.id).revokedAt).toBeNull();
    expect(keys.body.items.filter((k: { role: string }) => k.role === 'admin')).toHaveLength(1);
  });

  it("lets a tenant's admin key manage its own tenant's keys but not another's (404, nothing issued)", async () => {
    const a = await createTenantWithKey(t);
    const b = await createTenantWithKey(t);
    const own = await t.request('POST', `/api/tenants/${a.id}/api-keys`, {
      key: a.key,
      body: { name: 'own admin', role: 'admin' },
    });
    expect(own).toMatchObject({ status: 201, body: { tenantId: a.id, role: 'admin' } });
    expect((await t.request('GET', `/api/tenants/${b.id}`, { key: own.body.key })).status).toBe(404);
    const denied = await t.request('POST', `/api/tenants/${b.id}/api-keys`, {
      key: a.key,
      body: { name: 'for b', role: 'operator' },
    });
    expect(denied).toMatchObject({ status: 404, body: { error: 'not-found' } });
    const bKeys = await t.request('GET', `/api/tenants/${b.id}/api-keys`);
    expect(bKeys.body.items.map((k: { name: string }) => k.name)).toEqual(['test']);

    const issued = await t.request('POST', `/api/tenants/${b.id}/api-keys`, {
      body: { name: 'for b', role: 'operator' },
    });
    expect(issued).toMatchObject({ status: 201, body: { tenantId: b.id, role: 'operator' } });
    expect((await t.request('GET', `/api/tenants/${b.id}`, { key: issued.body.key })).status).toBe(200);
    expect((await t.request('GET', `/api/tenants/${a.id}`, { key: issued.body.key })).status).toBe(404);
  });

  it('refuses a tenantless operator or viewer key in the database (CHECK); a tenantless admin is a platform key', async () => {
    const a = await createTenantWithKey(t);
    for (const role of ['operator', 'viewer'] as const) {
      const secret = generateApiKey();
      await expect(
        db.handle.db
          .insertInto('api_keys')
          .values({ tenant_id: null, name: role, role, prefix: secret.prefix, key_hash: secret.hash })
          .execute(),
      ).rejects.toMatchObject({ code: '23514' });
    }
    const admin = generateApiKey();
    await db.handle.db
      .insertInto('api_keys')
      .values({ tenant_id: null, name: 'admin', role: 'admin', prefix: admin.prefix, key_hash: admin.hash })
      .execute();
    expect((await t.request('GET', '/api/auth/me', { key: admin.key })).body).toMatchObject({
      tenantId: null,
      role: 'admin',
    });
    expect((await t.request('GET', `/api/tenants/${a.id}`, { key: admin.key })).status).toBe(200);
  });

  it('answers 404 for a malformed id, like a missing one', async () => {
    expect((await t.request('GET', '/api/tenants/not-a-uuid')).status).toBe(404);
    expect((await t.request('GET', '/api/tenants/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
