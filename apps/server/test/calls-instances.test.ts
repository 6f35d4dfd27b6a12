import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callingTenant, makeCall } from './helpers/calls-helpers.js';
import { FakePbxConnector } from './helpers/fake-pbx.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

/**
 * Two Switchboard instances on one database (each with its own caches and DID rotation), over PBXs that accept
 * every call and never end one: the calls stay in progress, so they count against the limits.
 */
describe.each(databases)('two instances sharing one database ($name)', (database) => {
  let db: OpenedTestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await database.open();
    a = await startTestApp(db.handle, { pbx: new FakePbxConnector(), env: { SWITCHBOARD_INSTANCE_ID: 'a' } });
    b = await startTestApp(db.handle, { pbx: new FakePbxConnector(), env: { SWITCHBOARD_INSTANCE_ID: 'b' } });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db.dispose();
  });

  it('daily caps and the concurrent-call limit hold across instances; a tenant changed on one is seen by the other', async () => {
    const tenant = await callingTenant(a, { maxConcurrentCalls: 12 });
    const dids = await a.request('GET', `/api/tenants/${tenant.id}/dids`);
    const didId = dids.body.items[0].id as string;
    await a.request('PATCH', `/api/tenants/${tenant.id}/dids/${didId}`, { body: { dailyCap: 10 } });
    const place = (i: number) => makeCall(i % 2 === 0 ? a : b, tenant.key, { to: `+1202555048${i % 10}` });

    const capped = await Promise.all(Array.from({ length: 15 }, (_, i) => place(i)));
    expect(capped.filter((r) => r.status === 202)).toHaveLength(10);
    expect(new Set(capped.filter((r) => r.status !== 202).map((r) => r.body.error))).toEqual(
      new Set(['no-did-available']),
    );
    const used = await a.request('GET', `/api/tenants/${tenant.id}/dids/${didId}`);
    expect(used.body).toMatchObject({ usesToday: 10, totalUses: 10 });
    // Both instances placed some.
    const owners = await db.handle.db
      .selectFrom('calls')
      .select('owner')
      .distinct()
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(owners.map((o) => o.owner).sort()).toEqual(['a', 'b']);

    // 10 calls in progress, limit 12: of 6 more, exactly 2 go through.
    await a.request('PATCH', `/api/tenants/${tenant.id}/dids/${didId}`, { body: { dailyCap: null } });
    const limited = await Promise.all(Array.from({ length: 6 }, (_, i) => place(i)));
    expect(limited.filter((r) => r.status === 202)).toHaveLength(2);
    expect(limited.filter((r) => r.status === 429)).toHaveLength(4);

    // Disabled through a: b's cached copy of the tenant is out of date, and its next insert notices.
    const disabled = await a.request('PATCH', `/api/tenants/${tenant.id}`, { body: { enabled: false } });
    expect(disabled.status).toBe(200);
    expect(await makeCall(b, tenant.key, { to: '+12025550486' })).toMatchObject({
      status: 409,
      body: { error: 'tenant-disabled' },
    });
  });
});
