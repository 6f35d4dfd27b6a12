import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_RANK } from '../src/common/auth/principal.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Role = keyof typeof ROLE_RANK;

/**
 * The least role each probed endpoint needs, and whether only a platform key may use it (the guard's 403 for
 * either comes before any tenant lookup).
 */
interface Probe {
  method: Method;
  url: string;
  body?: unknown;
  minRole: Role;
  platformOnly?: boolean;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Every tenant-scoped endpoint, probed with tenant A's admin, operator and viewer keys on tenant B's ids: each
 * answers exactly what it answers for ids that do not exist (404 not-found, or 403 where the role may not use the
 * endpoint at all, or only a platform key may), and B's data is unchanged afterwards. Only a platform key (no
 * tenant: ADMIN_API_KEY or a stored platform admin key) acts on B.
 */
describe.each(databases)('cross-tenant probe on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let a: { id: string; key: string };
  let b: { id: string; key: string };
  const aKeys: Record<Role, string> = { admin: '', operator: '', viewer: '' };
  const bIds = { did: '', transfer: '', key: '' };

  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle);
    a = await createTenantWithKey(t);
    b = await createTenantWithKey(t);
    aKeys.admin = a.key;
    for (const role of ['operator', 'viewer'] as const) {
      const created = await t.request('POST', `/api/tenants/${a.id}/api-keys`, {
        body: { name: role, role },
      });
      aKeys[role] = created.body.key;
    }
    // A has objects of its own, so "A's tenant path with B's object id" is probed too.
    await t.request('POST', `/api/tenants/${a.id}/dids`, { key: a.key, body: { number: '+12025550191' } });
    bIds.did = (
      await t.request('POST', `/api/tenants/${b.id}/dids`, { key: b.key, body: { number: '+12025550192' } })
    ).body.id;
    bIds.transfer = (
      await t.request('POST', `/api/tenants/${b.id}/transfer-numbers`, {
        key: b.key,
        body: { number: '+12025550193' },
      })
    ).body.id;
    bIds.key = (
      await t.request('POST', `/api/tenants/${b.id}/api-keys`, {
        key: b.key,
        body: { name: 'b', role: 'viewer' },
      })
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  async function snapshotOfB() {
    const paths = ['', '/dids', '/transfer-numbers', '/api-keys'];
    const parts = await Promise.all(paths.map((p) => t.request('GET', `/api/tenants/${b.id}${p}`)));
    return parts.map((p) => p.body);
  }

  /** Probes on B's tenant (`other`) and on A's path with B's object ids (`own`). */
  function probes(ids: { tenant: string; did: string; transfer: string; key: string }) {
    const B = `/api/tenants/${ids.tenant}`;
    const A = `/api/tenants/${a.id}`;
    const p = (method: Method, url: string, minRole: Role, body?: unknown, platformOnly = false): Probe => ({
      method,
      url,
      minRole,
      body,
      platformOnly,
    });
    const tenantQuery = `tenantId=${ids.tenant}`;
    return {
      other: [
        p('GET', B, 'viewer'),
        p('PATCH', B, 'admin', { name: 'hijacked' }),
        p('DELETE', B, 'admin', undefined, true),
        p('GET', `${B}/api-keys`, 'admin'),
        p('POST', `${B}/api-keys`, 'admin', { name: 'x', role: 'admin' }),
        p('DELETE', `${B}/api-keys/${ids.key}`, 'admin'),
        p('GET', `${B}/dids`, 'viewer'),
        p('POST', `${B}/dids`, 'admin', { number: '+12025550194' }),
        p('POST', `${B}/dids/select`, 'operator', {}),
        p('GET', `${B}/dids/${ids.did}`, 'viewer'),
        p('PATCH', `${B}/dids/${ids.did}`, 'admin', { enabled: false }),
        p('DELETE', `${B}/dids/${ids.did}`, 'admin'),
        p('GET', `${B}/transfer-numbers`, 'viewer'),
        p('POST', `${B}/transfer-numbers`, 'admin', { number: '+12025550195' }),
        p('GET', `${B}/transfer-numbers/${ids.transfer}`, 'viewer'),
        p('PATCH', `${B}/transfer-numbers/${ids.transfer}`, 'admin', { weight: 0 }),
        p('DELETE', `${B}/transfer-numbers/${ids.transfer}`, 'admin'),
        // Calls, sounds, recordings and charts take the tenant as a query parameter (a call: in its body).
        p('GET', `/api/calls?${tenantQuery}`, 'viewer'),
        p('GET', `/api/calls/stats?${tenantQuery}`, 'viewer'),
        p('GET', `/api/calls/stats/hourly?${tenantQuery}`, 'viewer'),
        p('GET', `/api/calls/export.csv?${tenantQuery}`, 'viewer'),
        p('POST', '/api/calls', 'operator', { to: '+12025550198', tenantId: ids.tenant }),
        p('POST', '/api/calls/make-call', 'operator', { to: '+12025550198', tenantId: ids.tenant }),
        p('GET', `/api/sounds?${tenantQuery}`, 'viewer'),
        p('GET', `/api/asterisk-sounds/list?${tenantQuery}`, 'viewer'),
        p('GET', `/api/recordings?${tenantQuery}`, 'viewer'),
        p('GET', `/api/asterisk-sounds/monitor?${tenantQuery}`, 'viewer'),
      ],
      own: [
        p('DELETE', `${A}/api-keys/${ids.key}`, 'admin'),
        p('GET', `${A}/dids/${ids.did}`, 'viewer'),
        p('PATCH', `${A}/dids/${ids.did}`, 'admin', { enabled: false }),
        p('DELETE', `${A}/dids/${ids.did}`, 'admin'),
        p('GET', `${A}/transfer-numbers/${ids.transfer}`, 'viewer'),
        p('PATCH', `${A}/transfer-numbers/${ids.transfer}`, 'admin', { weight: 0 }),
        p('DELETE', `${A}/transfer-numbers/${ids.transfer}`, 'admin'),
      ],
    };
  }

  const foreign = () => probes({ tenant: b.id, ...bIds });
  const missing = () => probes({ tenant: MISSING, did: MISSING, transfer: MISSING, key: MISSING });
  const answer = async (probe: Probe, key: string) => {
    const res = await t.request(probe.method, probe.url, { key, body: probe.body });
    return { status: res.status, body: res.body };
  };

  it.each(['admin', 'operator', 'viewer'] as const)(
    "answers a %s key of tenant A on every endpoint for tenant B's ids exactly as for missing ones, and changes nothing",
    async (role) => {
      const before = await snapshotOfB();
      const probed = [...foreign().other, ...foreign().own];
      const absent = [...missing().other, ...missing().own];
      const allowed = (probe: Probe) => ROLE_RANK[role] >= ROLE_RANK[probe.minRole] && !probe.platformOnly;
      let notFound = 0;
      for (const [i, probe] of probed.entries()) {
        const res = await answer(probe, aKeys[role]);
        const expected = allowed(probe) ? 404 : 403;
        if (expected === 404) notFound++;
        expect({ probe: `${probe.method} ${probe.url}`, status: res.status, error: res.body?.error }).toEqual(
          {
            probe: `${probe.method} ${probe.url}`,
            status: expected,
            error: expected === 404 ? 'not-found' : 'forbidden',
          },
        );
        expect(res, `${probe.method} ${probe.url}`).toEqual(await answer(absent[i]!, aKeys[role]));
      }
      // Every endpoint the role may use was really probed for a 404, not stopped by the role check.
      expect(notFound).toBe(probed.filter(allowed).length);
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it("lists only the key's own tenant for every key of tenant A, admin included; every tenant for a platform key", async () => {
    for (const role of ['admin', 'operator', 'viewer'] as const) {
      const res = await t.request('GET', '/api/tenants', { key: aKeys[role] });
      expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    }
    const all = await t.request('GET', '/api/tenants', { key: t.adminKey });
    expect(all.body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('answers the same 404 for a missing id as for a foreign one', async () => {
    for (const key of Object.values(aKeys)) {
      const foreignDid = await t.request('GET', `/api/tenants/${a.id}/dids/${bIds.did}`, { key });
      const absentDid = await t.request('GET', `/api/tenants/${a.id}/dids/${MISSING}`, { key });
      expect(foreignDid.body).toEqual(absentDid.body);
    }
  });

  it('lets a stored platform key (no tenant) administer every endpoint of tenant B', async () => {
    const platform = await t.request('POST', '/api/api-keys', { body: { name: 'ops' } });
    expect(platform).toMatchObject({ status: 201, body: { tenantId: null, role: 'admin' } });
    const c = await createTenantWithKey(t);
    const C = `/api/tenants/${c.id}`;
    const key = platform.body.key as string;
    const tenants = await t.request('GET', '/api/tenants?limit=200', { key });
    expect(tenants.body.items.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([a.id, b.id, c.id]),
    );
    expect(await t.request('GET', C, { key })).toMatchObject({ status: 200, body: { id: c.id } });
    expect(await t.request('PATCH', C, { key, body: { callerName: 'By A' } })).toMatchObject({
      status: 200,
      body: { callerName: 'By A' },
    });

    const did = await t.request('POST', `${C}/dids`, { key, body: { number: '+12025550196' } });
    expect(did).toMatchObject({ status: 201, body: { tenantId: c.id } });
    expect((await t.request('GET', `${C}/dids`, { key })).body.items).toHaveLength(1);
    expect((await t.request('GET', `${C}/dids/${did.body.id}`, { key })).status).toBe(200);
    expect((await t.request('POST', `${C}/dids/select`, { key, body: {} })).body.id).toBe(did.body.id);
    const patchedDid = await t.request('PATCH', `${C}/dids/${did.body.id}`, { key, body: { label: 'x' } });
    expect(patchedDid).toMatchObject({ status: 200, body: { label: 'x' } });
    expect((await t.request('DELETE', `${C}/dids/${did.body.id}`, { key })).status).toBe(204);

    const tn = await t.request('POST', `${C}/transfer-numbers`, { key, body: { number: '+12025550197' } });
    expect(tn).toMatchObject({ status: 201, body: { tenantId: c.id } });
    expect((await t.request('GET', `${C}/transfer-numbers`, { key })).body.items).toHaveLength(1);
    expect((await t.request('GET', `${C}/transfer-numbers/${tn.body.id}`, { key })).status).toBe(200);
    const patchedTn = await t.request('PATCH', `${C}/transfer-numbers/${tn.body.id}`, {
      key,
      body: { weight: 5 },
    });
    expect(patchedTn).toMatchObject({ status: 200, body: { weight: 5 } });
    expect((await t.request('DELETE', `${C}/transfer-numbers/${tn.body.id}`, { key })).status).toBe(204);

    const issued = await t.request('POST', `${C}/api-keys`, { key, body: { name: 'for c', role: 'viewer' } });
    expect(issued).toMatchObject({ status: 201, body: { tenantId: c.id, role: 'viewer' } });
    expect((await t.request('GET', '/api/auth/me', { key: issued.body.key })).body.tenantId).toBe(c.id);
    const keys = await t.request('GET', `${C}/api-keys`, { key });
    expect(keys.body.items.map((k: { id: string }) => k.id)).toContain(issued.body.id);
    expect((await t.request('DELETE', `${C}/api-keys/${issued.body.id}`, { key })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { key: issued.body.key })).status).toBe(401);

    expect((await t.request('DELETE', C, { key })).status).toBe(204);
    expect((await t.request('GET', C, { key })).status).toBe(404);
    expect((await t.request('GET', '/api/auth/me', { key: c.key })).status).toBe(401);

    const made = await t.request('POST', '/api/tenants', { key, body: { name: 'By ops', slug: 'by-ops' } });
    expect(made).toMatchObject({ status: 201, body: { slug: 'by-ops' } });
    expect((await t.request('DELETE', `/api/tenants/${made.body.id}`, { key })).status).toBe(204);
  });
});
