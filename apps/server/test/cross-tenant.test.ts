import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Every tenant-scoped endpoint, probed with tenant A's admin key on tenant B's ids: each answers 404 exactly like
 * a missing object, and B's data is unchanged afterwards.
 */
describe.each(databases)('cross-tenant probe on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let a: { id: string; key: string };
  let b: { id: string; key: string };
  const bIds = { did: '', transfer: '', key: '' };

  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle);
    a = await createTenantWithKey(t);
    b = await createTenantWithKey(t);
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

  function probes(): Array<[Method, string, unknown?]> {
    const B = `/api/tenants/${b.id}`;
    const A = `/api/tenants/${a.id}`;
    return [
      ['GET', B],
      ['PATCH', B, { name: 'hijacked' }],
      ['GET', `${B}/api-keys`],
      ['POST', `${B}/api-keys`, { name: 'x', role: 'admin' }],
      ['DELETE', `${B}/api-keys/${bIds.key}`],
      ['DELETE', `${A}/api-keys/${bIds.key}`],
      ['GET', `${B}/dids`],
      ['POST', `${B}/dids`, { number: '+12025550194' }],
      ['POST', `${B}/dids/select`, {}],
      ['GET', `${B}/dids/${bIds.did}`],
      ['PATCH', `${B}/dids/${bIds.did}`, { enabled: false }],
      ['DELETE', `${B}/dids/${bIds.did}`],
      ['GET', `${A}/dids/${bIds.did}`],
      ['PATCH', `${A}/dids/${bIds.did}`, { enabled: false }],
      ['DELETE', `${A}/dids/${bIds.did}`],
      ['GET', `${B}/transfer-numbers`],
      ['POST', `${B}/transfer-numbers`, { number: '+12025550195' }],
      ['GET', `${B}/transfer-numbers/${bIds.transfer}`],
      ['PATCH', `${B}/transfer-numbers/${bIds.transfer}`, { weight: 0 }],
      ['DELETE', `${B}/transfer-numbers/${bIds.transfer}`],
      ['GET', `${A}/transfer-numbers/${bIds.transfer}`],
      ['PATCH', `${A}/transfer-numbers/${bIds.transfer}`, { weight: 0 }],
      ['DELETE', `${A}/transfer-numbers/${bIds.transfer}`],
    ];
  }

  it("answers 404 not-found on every endpoint for another tenant's ids, and changes nothing", async () => {
    const before = await snapshotOfB();
    for (const [method, url, body] of probes()) {
      const res = await t.request(method, url, { key: a.key, body });
      expect({ probe: `${method} ${url}`, status: res.status, error: res.body?.error }).toEqual({
        probe: `${method} ${url}`,
        status: 404,
        error: 'not-found',
      });
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it("does not list another tenant's tenant record", async () => {
    const res = await t.request('GET', '/api/tenants', { key: a.key });
    expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it('answers the same 404 for a missing id as for a foreign one', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const foreign = await t.request('GET', `/api/tenants/${a.id}/dids/${bIds.did}`, { key: a.key });
    const absent = await t.request('GET', `/api/tenants/${a.id}/dids/${missing}`, { key: a.key });
    expect(foreign.body).toEqual(absent.body);
  });
});
