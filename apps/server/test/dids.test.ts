import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../src/common/clock.js';
import { DidsService } from '../src/tenants/dids.service.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

class ManualClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
}

describe.each(databases)('DIDs on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle, { clock });
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  async function tenantWithDids(numbers: string[], overrides: Record<string, unknown> = {}) {
    const tenant = await createTenantWithKey(t, overrides);
    const ids: string[] = [];
    for (const [i, number] of numbers.entries()) {
      const res = await t.request('POST', `/api/tenants/${tenant.id}/dids`, {
        key: tenant.key,
        body: { number, label: `DID ${i}` },
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return { ...tenant, ids };
  }

  it('stores numbers in E.164, reading national input in the tenant default country', async () => {
    const { id, key } = await createTenantWithKey(t, { defaultCountry: 'GB' });
    const national = await t.request('POST', `/api/tenants/${id}/dids`, {
      key,
      body: { number: '020 7946 0958' },
    });
    expect(national).toMatchObject({
      status: 201,
      body: { number: '+442079460958', enabled: true, dailyCap: null },
    });
    const international = await t.request('POST', `/api/tenants/${id}/dids`, {
      key,
      body: { number: '+1 (202) 555-0123', label: 'US line', dailyCap: 100 },
    });
    expect(international.body).toMatchObject({ number: '+12025550123', label: 'US line', dailyCap: 100 });
  });

  it('answers 422 invalid-phone-number saying why, and 409 for a duplicate', async () => {
    const { id, key } = await createTenantWithKey(t);
    const invalid = await t.request('POST', `/api/tenants/${id}/dids`, { key, body: { number: '555-12' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: 'invalid-phone-number', details: { field: 'number' } });
    expect(invalid.body.message).toMatch(/too short|not valid|no such number/);
    await t.request('POST', `/api/tenants/${id}/dids`, { key, body: { number: '+12025550111' } });
    const dup = await t.request('POST', `/api/tenants/${id}/dids`, {
      key,
      body: { number: '(202) 555-0111' },
    });
    expect(dup).toMatchObject({ status: 409, body: { error: 'did-exists' } });
  });

  it('updates, lists and deletes DIDs; viewers read but may not write', async () => {
    const { id, key, ids } = await tenantWithDids(['+12025550121', '+12025550122']);
    const patched = await t.request('PATCH', `/api/tenants/${id}/dids/${ids[0]}`, {
      key,
      body: { enabled: false, dailyCap: 5, label: null },
    });
    expect(patched.body).toMatchObject({ enabled: false, dailyCap: 5, label: null });
    const viewer = await t.request('POST', `/api/tenants/${id}/api-keys`, {
      body: { name: 'v', role: 'viewer' },
    });
    const list = await t.request('GET', `/api/tenants/${id}/dids`, { key: viewer.body.key });
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual(ids);
    const denied = await t.request('DELETE', `/api/tenants/${id}/dids/${ids[1]}`, { key: viewer.body.key });
    expect(denied.status).toBe(403);
    expect((await t.request('DELETE', `/api/tenants/${id}/dids/${ids[1]}`, { key })).status).toBe(204);
    expect((await t.request('GET', `/api/tenants/${id}/dids/${ids[1]}`, { key })).status).toBe(404);
    const empty = await t.request('PATCH', `/api/tenants/${id}/dids/${ids[0]}`, { key, body: {} });
    expect(empty.status).toBe(400);
  });

  it('round-robin: concurrent selections spread evenly and counters stay exact', async () => {
    const { id, ids } = await tenantWithDids([
      '+12025550131',
      '+13125550132',
      '+14155550133',
      '+12125550134',
    ]);
    const dids = t.app.get(DidsService);
    const picks = await Promise.all(Array.from({ length: 80 }, () => dids.selectCallerId(id)));
    const counts = new Map<string, number>();
    for (const pick of picks) counts.set(pick.id, (counts.get(pick.id) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()]).toEqual([20, 20, 20, 20]);
    const list = await t.request('GET', `/api/tenants/${id}/dids`);
    for (const did of list.body.items) expect(did).toMatchObject({ usesToday: 20, totalUses: 20 });
  });

  it('daily caps hold under concurrent selection, then 409 no-did-available; they reset the next day', async () => {
    const { id, key, ids } = await tenantWithDids(['+12025550141', '+12025550142', '+12025550143']);
    await t.request('PATCH', `/api/tenants/${id}/dids/${ids[0]}`, { key, body: { dailyCap: 5 } });
    await t.request('PATCH', `/api/tenants/${id}/dids/${ids[1]}`, { key, body: { dailyCap: 10 } });
    await t.request('PATCH', `/api/tenants/${id}/dids/${ids[2]}`, { key, body: { enabled: false } });
    const dids = t.app.get(DidsService);
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => dids.selectCallerId(id)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(15);
    const counts = new Map<string, number>();
    for (const r of won) counts.set(r.value.id, (counts.get(r.value.id) ?? 0) + 1);
    expect(counts.get(ids[0]!)).toBe(5);
    expect(counts.get(ids[1]!)).toBe(10);
    expect(counts.has(ids[2]!)).toBe(false);
    const refused = await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: {} });
    expect(refused).toMatchObject({ status: 409, body: { error: 'no-did-available' } });

    clock.at = new Date('2026-03-02T00:00:01Z');
    try {
      const nextDay = await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: {} });
      expect(nextDay.status).toBe(200);
      expect(nextDay.body.usesToday).toBe(1);
    } finally {
      clock.at = new Date('2026-03-01T10:00:00Z');
    }
  });

  it('least-recently-used picks the DID idle longest', async () => {
    const { id, key, ids } = await tenantWithDids(['+12025550151', '+12025550152', '+12025550153'], {
      didRotation: 'least-recently-used',
    });
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.at = new Date(Date.UTC(2026, 2, 1, 11, 0, i));
      picked.push((await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: {} })).body.id);
    }
    expect(new Set(picked).size).toBe(3);
    // A new DID has never been used: it goes first.
    const fresh = await t.request('POST', `/api/tenants/${id}/dids`, {
      key,
      body: { number: '+12025550154' },
    });
    clock.at = new Date(Date.UTC(2026, 2, 1, 11, 0, 10));
    expect((await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: {} })).body.id).toBe(
      fresh.body.id,
    );
    clock.at = new Date(Date.UTC(2026, 2, 1, 11, 0, 11));
    expect((await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: {} })).body.id).toBe(
      picked[0],
    );
    expect(ids).toContain(picked[0]);
    clock.at = new Date('2026-03-01T10:00:00Z');
  });

  it('local presence prefers the destination area code, then the country, then any DID', async () => {
    const { id, key, ids } = await tenantWithDids(['+12025550161', '+14155550162', '+442079460163'], {
      didRotation: 'local-presence',
    });
    const select = async (destination: string) =>
      (await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: { destination } })).body.id;
    expect(await select('(415) 555-0199')).toBe(ids[1]);
    expect(await select('+12025550199')).toBe(ids[0]);
    expect(await select('+44 20 7946 0000')).toBe(ids[2]);
    const bad = await t.request('POST', `/api/tenants/${id}/dids/select`, {
      key,
      body: { destination: '12' },
    });
    expect(bad).toMatchObject({
      status: 422,
      body: { error: 'invalid-phone-number', details: { field: 'destination' } },
    });
  });

  it('refuses to pick for a disabled tenant with 409 tenant-disabled', async () => {
    const { id, key } = await tenantWithDids(['+12025550181']);
    await t.request('PATCH', `/api/tenants/${id}`, { key, body: { enabled: false } });
    const res = await t.request('POST', `/api/tenants/${id}/dids/select`, { key, body: {} });
    expect(res).toMatchObject({ status: 409, body: { error: 'tenant-disabled' } });
  });

  it('random: picks among eligible DIDs only', async () => {
    const { id, key, ids } = await tenantWithDids(['+12025550171', '+12025550172', '+12025550173'], {
      didRotation: 'random',
    });
    await t.request('PATCH', `/api/tenants/${id}/dids/${ids[2]}`, { key, body: { enabled: false } });
    const dids = t.app.get(DidsService);
    const picks = await Promise.all(Array.from({ length: 40 }, () => dids.selectCallerId(id)));
    const seen = new Set(picks.map((p) => p.id));
    expect(seen.has(ids[2]!)).toBe(false);
    expect(seen.size).toBe(2);
  });
});
