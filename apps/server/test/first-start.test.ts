import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FirstStartService } from '../src/tenants/first-start.service.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const [pglite] = await testDatabases();

describe('first start (PGlite)', () => {
  let db: OpenedTestDatabase | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    await db?.dispose();
    t = undefined;
    db = undefined;
  });

  it('with an empty database and no ADMIN_API_KEY creates the demo tenant and a platform admin key, once', async () => {
    db = await pglite!.open();
    t = await startTestApp(db.handle, { env: { ADMIN_API_KEY: '' } });
    const key = await t.app.get(FirstStartService).run();
    expect(key).toMatch(/^sb_/);

    const file = path.join(t.dataDir, 'admin-key');
    expect((await fs.readFile(file, 'utf8')).trim()).toBe(key);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const me = await t.request('GET', '/api/auth/me', { key: key! });
    expect(me.body).toEqual({ keyId: expect.any(String), role: 'admin', tenantId: null });
    const tenants = await t.request('GET', '/api/tenants', { key: key! });
    expect(tenants.body.items).toHaveLength(1);
    const demo = tenants.body.items[0].id as string;
    const tenant = await t.request('GET', `/api/tenants/${demo}`, { key: key! });
    expect(tenant.body).toMatchObject({ slug: 'demo', defaultCountry: 'US' });
    const dids = await t.request('GET', `/api/tenants/${demo}/dids`, { key: key! });
    expect(dids.body.items.length).toBeGreaterThanOrEqual(3);
    for (const did of dids.body.items) expect(did.number).toMatch(/^\+1\d{3}55501\d\d$/);
    const transfers = await t.request('GET', `/api/tenants/${demo}/transfer-numbers`, {
      key: key!,
    });
    expect(transfers.body.items.length).toBeGreaterThanOrEqual(1);

    // The demo tenant can place a call at once: a caller ID is available.
    const pick = await t.request('POST', `/api/tenants/${demo}/dids/select`, {
      key: key!,
      body: { destination: '+12025550199' },
    });
    expect(pick.status).toBe(200);
    const local = await t.request('POST', `/api/tenants/${demo}/dids/select`, {
      key: key!,
      body: { destination: '(415) 555-0142' },
    });
    expect(local.body.number).toBe('+14155550103');

    expect(await t.app.get(FirstStartService).run()).toBeUndefined();
    expect((await t.request('GET', '/api/tenants', { key: key! })).body.items).toHaveLength(1);
  });

  it('gives the first-start platform key the run of every tenant: without ADMIN_API_KEY it is the only way in', async () => {
    db = await pglite!.open();
    t = await startTestApp(db.handle, { env: { ADMIN_API_KEY: '' } });
    const key = (await t.app.get(FirstStartService).run())!;
    const created = await t.request('POST', '/api/tenants', { key, body: { name: 'Acme', slug: 'acme' } });
    expect(created.status).toBe(201);
    const acme = `/api/tenants/${created.body.id}`;
    expect((await t.request('GET', '/api/tenants', { key })).body.items).toHaveLength(2);
    expect((await t.request('PATCH', acme, { key, body: { callerName: 'Acme' } })).status).toBe(200);
    const did = await t.request('POST', `${acme}/dids`, { key, body: { number: '+13125550180' } });
    expect(did.status).toBe(201);
    const tn = await t.request('POST', `${acme}/transfer-numbers`, { key, body: { number: '+13125550181' } });
    expect(tn.status).toBe(201);
    const admin = await t.request('POST', `${acme}/api-keys`, { key, body: { name: 'acme', role: 'admin' } });
    expect(admin).toMatchObject({ status: 201, body: { tenantId: created.body.id, role: 'admin' } });
    expect((await t.request('GET', `${acme}/api-keys`, { key })).body.items).toHaveLength(1);
    // The tenant admin key it issued administers Acme only: it cannot see the demo tenant or make tenants.
    const acmeOnly = await t.request('GET', '/api/tenants', { key: admin.body.key });
    expect(acmeOnly.body.items.map((x: { id: string }) => x.id)).toEqual([created.body.id]);
    const denied = await t.request('POST', '/api/tenants', {
      key: admin.body.key,
      body: { name: 'Other', slug: 'other' },
    });
    expect(denied).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const platformKeys = await t.request('GET', '/api/api-keys', { key });
    expect(platformKeys.body.items).toMatchObject([{ tenantId: null, role: 'admin', revokedAt: null }]);
    expect((await t.request('DELETE', acme, { key })).status).toBe(204);
    expect((await t.request('GET', '/api/tenants', { key })).body.items).toHaveLength(1);
  });

  it('does nothing when ADMIN_API_KEY is set', async () => {
    db = await pglite!.open();
    t = await startTestApp(db.handle);
    expect(await t.app.get(FirstStartService).run()).toBeUndefined();
    expect((await t.request('GET', '/api/tenants')).body.items).toHaveLength(0);
    await expect(fs.access(path.join(t.dataDir, 'admin-key'))).rejects.toThrow();
  });
});
