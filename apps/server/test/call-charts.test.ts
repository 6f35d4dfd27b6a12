import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallChartsRepository } from '../src/call-charts/call-charts.repository.js';
import { Clock } from '../src/common/clock.js';
import { createTenantWithKey, startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

const NOW = new Date('2026-03-10T15:20:00.000Z');

class FixedClock extends Clock {
  now(): Date {
    return new Date(NOW);
  }
}

interface StoredCall {
  createdAt: string;
  status: string;
  answered?: boolean;
}

describe.each(databases)('calls per hour on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let a: { id: string; key: string };
  let b: { id: string; key: string };
  let bViewer: string;

  /** Call rows as the tracker leaves them, created at chosen times (the figures read only the table). */
  async function storeCalls(tenantId: string, calls: StoredCall[]) {
    for (const call of calls) {
      const id = randomUUID();
      const createdAt = new Date(call.createdAt);
      await db.handle.db
        .insertInto('calls')
        .values({
          id,
          tenant_id: tenantId,
          to_number: '+12025550100',
          from_number: '+12025550140',
          record: false,
          answer: JSON.stringify({ type: 'sound', sound: 'hello-world' }),
          timeout_seconds: 30,
          variables: '{}',
          metadata: null,
          action_id: `sb-${id}`,
          channel_id: id,
          other_channel_id: `${id}.2`,
          status: call.status,
          scheduled_at: createdAt,
          answered_at: call.answered ? createdAt : null,
          ended_at: call.status === 'ringing' ? null : createdAt,
          created_at: createdAt,
        })
        .execute();
    }
  }

  beforeAll(async () => {
    db = await database.open();
    t = await startTestApp(db.handle, { clock: new FixedClock() });
    a = await createTenantWithKey(t);
    b = await createTenantWithKey(t);
    bViewer = (
      await t.request('POST', `/api/tenants/${b.id}/api-keys`, { body: { name: 'viewer', role: 'viewer' } })
    ).body.key;
    await storeCalls(a.id, [
      { createdAt: '2026-03-10T09:00:00Z', status: 'completed', answered: true },
      { createdAt: '2026-03-10T09:59:59.999Z', status: 'busy' },
      { createdAt: '2026-03-10T09:30:00Z', status: 'no-answer' },
      { createdAt: '2026-03-10T11:10:00Z', status: 'congestion' },
      { createdAt: '2026-03-10T11:20:00Z', status: 'failed' },
      { createdAt: '2026-03-10T11:30:00Z', status: 'canceled' },
      { createdAt: '2026-03-10T15:05:00Z', status: 'ringing' },
      { createdAt: '2026-03-09T23:59:59Z', status: 'completed', answered: true },
      { createdAt: '2026-03-11T00:00:00Z', status: 'busy' },
    ]);
    await storeCalls(b.id, [{ createdAt: '2026-03-10T09:15:00Z', status: 'busy' }]);
  });

  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  const zero = { placed: 0, answered: 0, busy: 0, noAnswer: 0, congestion: 0, failed: 0, canceled: 0 };

  it('counts today (UTC) per hour by outcome, every hour present, by default', async () => {
    const res = await t.request('GET', '/api/calls/stats/hourly', { key: a.key });
    expect(res.status).toBe(200);
    expect(res.body.since).toBe('2026-03-10T00:00:00.000Z');
    expect(res.body.until).toBe('2026-03-11T00:00:00.000Z');
    expect(res.body.buckets).toHaveLength(24);
    expect(res.body.buckets[0]).toEqual({ hour: '2026-03-10T00:00:00.000Z', ...zero });
    expect(res.body.buckets[9]).toEqual({
      hour: '2026-03-10T09:00:00.000Z',
      ...zero,
      placed: 3,
      answered: 1,
      busy: 1,
      noAnswer: 1,
    });
    expect(res.body.buckets[10]).toEqual({ hour: '2026-03-10T10:00:00.000Z', ...zero });
    expect(res.body.buckets[11]).toEqual({
      hour: '2026-03-10T11:00:00.000Z',
      ...zero,
      placed: 3,
      congestion: 1,
      failed: 1,
      canceled: 1,
    });
    expect(res.body.buckets[15]).toEqual({ hour: '2026-03-10T15:00:00.000Z', ...zero, placed: 1 });
    const total = res.body.buckets.reduce((n: number, bucket: { placed: number }) => n + bucket.placed, 0);
    expect(total).toBe(7);
  });

  it('covers the hours of a chosen period, ends included from since and excluded at until', async () => {
    const res = await t.request(
      'GET',
      '/api/calls/stats/hourly?since=2026-03-09T23:30:00Z&until=2026-03-10T10:00:00Z',
      { key: a.key },
    );
    expect(res.status).toBe(200);
    const hours = res.body.buckets.map((bucket: { hour: string }) => bucket.hour);
    expect(hours[0]).toBe('2026-03-09T23:00:00.000Z');
    expect(hours.at(-1)).toBe('2026-03-10T09:00:00.000Z');
    expect(hours).toHaveLength(11);
    expect(res.body.buckets[0]).toMatchObject({ placed: 1, answered: 1 });
    expect(res.body.buckets[10]).toMatchObject({ placed: 3 });
  });

  it('follows the hours and the day of the time zone asked, half-hour zones included', async () => {
    // Today in Kolkata (+05:30) is 2026-03-09T18:30Z to 2026-03-10T18:30Z; its hours start at :30 UTC.
    const res = await t.request('GET', '/api/calls/stats/hourly?timeZone=Asia/Kolkata', { key: a.key });
    expect(res.status).toBe(200);
    expect([res.body.since, res.body.until]).toEqual([
      '2026-03-09T18:30:00.000Z',
      '2026-03-10T18:30:00.000Z',
    ]);
    expect(res.body.buckets).toHaveLength(24);
    expect(res.body.buckets[0].hour).toBe('2026-03-09T18:30:00.000Z');
    const busy = res.body.buckets.filter((bucket: { placed: number }) => bucket.placed > 0);
    // Hours run from :30 UTC: 23:59:59Z on the 9th counts in 23:30Z (05:00 local), 09:00Z in 08:30Z,
    // 09:30Z and 09:59:59.999Z in 09:30Z, 11:10Z and 11:20Z in 10:30Z, 11:30Z in 11:30Z, 15:05Z in 14:30Z.
    expect(busy.map((bucket: { hour: string; placed: number }) => [bucket.hour, bucket.placed])).toEqual([
      ['2026-03-09T23:30:00.000Z', 1],
      ['2026-03-10T08:30:00.000Z', 1],
      ['2026-03-10T09:30:00.000Z', 2],
      ['2026-03-10T10:30:00.000Z', 2],
      ['2026-03-10T11:30:00.000Z', 1],
      ['2026-03-10T14:30:00.000Z', 1],
    ]);
  });

  it('refuses a time zone that is not an IANA name with 400 naming the parameter', async () => {
    for (const zone of ['Mars/Olympus', 'UTC+5', "UTC'--"]) {
      const res = await t.request('GET', `/api/calls/stats/hourly?timeZone=${encodeURIComponent(zone)}`, {
        key: a.key,
      });
      expect(res, zone).toMatchObject({ status: 400, body: { error: 'validation-failed' } });
      expect(JSON.stringify(res.body.details), zone).toContain('timeZone');
    }
  });

  it("answers 400, not 500, for a zone the database does not know (its list can differ from the runtime's)", async () => {
    const charts = t.app.get(CallChartsRepository);
    const period = { since: new Date('2026-03-10T00:00:00Z'), until: new Date('2026-03-11T00:00:00Z') };
    await expect(charts.hourly(a.id, period, 'Mars/Olympus')).rejects.toMatchObject({
      status: 400,
      code: 'validation-failed',
    });
  });

  it('answers 744 buckets for 31 days and refuses longer or reversed periods with 400', async () => {
    const month = await t.request(
      'GET',
      '/api/calls/stats/hourly?since=2026-02-08T00:00:00Z&until=2026-03-11T00:00:00Z',
      { key: a.key },
    );
    expect(month.status).toBe(200);
    expect(month.body.buckets).toHaveLength(744);
    for (const query of [
      'since=2026-02-08T00:00:00Z&until=2026-03-11T00:00:01Z',
      'since=2026-03-10T10:00:00Z&until=2026-03-10T09:00:00Z',
      'since=yesterday',
      'tenantId=not-a-uuid',
    ]) {
      const res = await t.request('GET', `/api/calls/stats/hourly?${query}`, { key: a.key });
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toBe('validation-failed');
    }
  });

  it("keeps a viewer of tenant B to B's figures: A's tenantId answers 404", async () => {
    const own = await t.request('GET', '/api/calls/stats/hourly', { key: bViewer });
    expect(own.status).toBe(200);
    expect(own.body.buckets[9]).toEqual({ hour: '2026-03-10T09:00:00.000Z', ...zero, placed: 1, busy: 1 });
    const total = own.body.buckets.reduce((n: number, bucket: { placed: number }) => n + bucket.placed, 0);
    expect(total).toBe(1);
    const probe = await t.request('GET', `/api/calls/stats/hourly?tenantId=${a.id}`, { key: bViewer });
    expect(probe.status).toBe(404);
    const missing = await t.request('GET', `/api/calls/stats/hourly?tenantId=${randomUUID()}`, {
      key: bViewer,
    });
    expect(missing.status).toBe(404);
    expect(probe.body).toEqual(missing.body);
  });

  it('lets the super-admin key pick a tenant, and asks it for one', async () => {
    const picked = await t.request('GET', `/api/calls/stats/hourly?tenantId=${a.id}`);
    expect(picked.status).toBe(200);
    expect(picked.body.buckets[11]).toMatchObject({ placed: 3 });
    const unpicked = await t.request('GET', '/api/calls/stats/hourly');
    expect(unpicked.status).toBe(400);
    expect(unpicked.body.message).toMatch(/tenantId is required/);
    const unknown = await t.request('GET', `/api/calls/stats/hourly?tenantId=${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it('answers 401 without a key', async () => {
    const res = await t.request('GET', '/api/calls/stats/hourly', { key: null });
    expect(res.status).toBe(401);
  });
});
