import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RandomSource } from '../src/common/clock.js';
import { TransferNumbersService } from '../src/tenants/transfer-numbers.service.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { seededRandom } from './helpers/seeded-random.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

class SeededRandom extends RandomSource {
  private readonly source = seededRandom(7);
  next(): number {
    return this.source();
  }
}

describe.each(databases)('transfer numbers on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle, { random: new SeededRandom() });
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  async function add(tenant: { id: string; key: string }, body: Record<string, unknown>) {
    const res = await t.request('POST', `/api/tenants/${tenant.id}/transfer-numbers`, {
      key: tenant.key,
      body,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('creates with defaults in E.164, updates, lists and deletes', async () => {
    const tenant = await createTenantWithKey(t);
    const created = await t.request('POST', `/api/tenants/${tenant.id}/transfer-numbers`, {
      key: tenant.key,
      body: { number: '202-555-0180', label: 'Sales' },
    });
    expect(created.body).toMatchObject({
      number: '+12025550180',
      label: 'Sales',
      weight: 1,
      enabled: true,
      concurrentCap: null,
      activeCalls: 0,
    });
    const id = created.body.id;
    const patched = await t.request('PATCH', `/api/tenants/${tenant.id}/transfer-numbers/${id}`, {
      key: tenant.key,
      body: { weight: 5, concurrentCap: 2 },
    });
    expect(patched.body).toMatchObject({ weight: 5, concurrentCap: 2 });
    const list = await t.request('GET', `/api/tenants/${tenant.id}/transfer-numbers`, { key: tenant.key });
    expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([id]);
    const bad = await t.request('POST', `/api/tenants/${tenant.id}/transfer-numbers`, {
      key: tenant.key,
      body: { number: 'call me', weight: -1 },
    });
    expect(bad.status).toBe(400);
    const invalid = await t.request('POST', `/api/tenants/${tenant.id}/transfer-numbers`, {
      key: tenant.key,
      body: { number: '+1 202 555' },
    });
    expect(invalid).toMatchObject({ status: 422, body: { error: 'invalid-phone-number' } });
    const del = await t.request('DELETE', `/api/tenants/${tenant.id}/transfer-numbers/${id}`, {
      key: tenant.key,
    });
    expect(del.status).toBe(204);
  });

  it('picks by weight over many picks', async () => {
    const tenant = await createTenantWithKey(t);
    const a = await add(tenant, { number: '+12025550181', weight: 1 });
    const b = await add(tenant, { number: '+12025550182', weight: 3 });
    const zero = await add(tenant, { number: '+12025550183', weight: 0 });
    const off = await add(tenant, { number: '+12025550184', weight: 50, enabled: false });
    const service = t.app.get(TransferNumbersService);
    const counts = new Map<string, number>();
    const picks = 800;
    for (let i = 0; i < picks; i++) {
      const picked = await service.acquire(tenant.id);
      counts.set(picked.id, (counts.get(picked.id) ?? 0) + 1);
      await service.release(tenant.id, picked.id);
    }
    expect(counts.has(zero)).toBe(false);
    expect(counts.has(off)).toBe(false);
    expect(counts.get(a)! / picks).toBeGreaterThan(0.2);
    expect(counts.get(a)! / picks).toBeLessThan(0.3);
    expect(counts.get(b)! / picks).toBeGreaterThan(0.7);
    expect(counts.get(b)! / picks).toBeLessThan(0.8);
    const after = await t.request('GET', `/api/tenants/${tenant.id}/transfer-numbers/${a}`, {
      key: tenant.key,
    });
    expect(after.body).toMatchObject({ activeCalls: 0, totalUses: counts.get(a) });
  });

  it('respects concurrent caps under concurrent acquisition, and frees a slot on release', async () => {
    const tenant = await createTenantWithKey(t);
    const capped = await add(tenant, { number: '+12025550185', weight: 10, concurrentCap: 2 });
    const other = await add(tenant, { number: '+12025550186', weight: 1, concurrentCap: 3 });
    const service = t.app.get(TransferNumbersService);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => service.acquire(tenant.id)));
    const won = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.id);
    expect(won).toHaveLength(5);
    expect(won.filter((id) => id === capped)).toHaveLength(2);
    expect(won.filter((id) => id === other)).toHaveLength(3);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ status: 409, code: 'no-transfer-number-available' });
    await service.release(tenant.id, capped);
    expect((await service.acquire(tenant.id)).id).toBe(capped);
  });
});
