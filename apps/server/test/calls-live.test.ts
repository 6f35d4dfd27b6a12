import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CallReportsService } from '../src/calls/call-reports.service.js';
import { CallTrackingService } from '../src/calls/call-tracking.service.js';
import { CallsOptions } from '../src/calls/calls.options.js';
import { PbxService } from '../src/pbx/pbx.service.js';
import { callingTenant, flushed, makeCall, waitForCall } from './helpers/calls-helpers.js';
import { FakePbxConnector } from './helpers/fake-pbx.js';
import { SimPbxConnector } from './helpers/sim-pbx.js';
import { readEvents } from './helpers/sse-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

async function untilReady(t: TestApp): Promise<void> {
  const pbx = t.app.get(PbxService);
  while (!pbx.status().every((s) => s.ready)) await once(pbx, 'state');
}

describe.each(databases)('calls: live stream, reports, PBX failures ($name)', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let connector: SimPbxConnector;

  beforeAll(async () => {
    db = await database.open();
    connector = new SimPbxConnector();
    t = await startTestApp(db.handle, { pbxConnector: connector });
    await untilReady(t);
  });

  afterAll(async () => {
    await t?.close();
    await db.dispose();
  });

  it("streams the tenant's call changes as SSE, and resumes after Last-Event-ID", async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const tenant = await callingTenant(t);
    const other = await callingTenant(t);
    const FINAL = ['completed', 'busy', 'no-answer', 'congestion', 'failed', 'canceled'];
    const live = readEvents(port, tenant.key, (seen) => FINAL.includes(seen.at(-1)?.data.status));
    const otherLive = readEvents(port, other.key, 1);
    await Promise.all([live.opened, otherLive.opened]);
    const placed = await makeCall(t, tenant.key, { to: '+12025550486' });
    const events = await live.events;
    expect(events.every((e) => e.data.id === placed.body.id)).toBe(true);
    expect(events.map((e) => e.data.status)).toEqual(expect.arrayContaining(['dialing', 'busy']));
    await waitForCall(t, tenant.id, placed.body.id);
    const resumed = readEvents(port, tenant.key, 1, events[0]!.id);
    const [next] = await resumed.events;
    expect(Number(next!.id)).toBeGreaterThan(Number(events[0]!.id));
    expect(next!.data.id).toBe(placed.body.id);
    // The other tenant's stream saw nothing of it: its first event is its own call.
    const own = await makeCall(t, other.key, { to: '+12025550486' });
    const [first] = await otherLive.events;
    expect(first!.data.id).toBe(own.body.id);
    await waitForCall(t, other.id, own.body.id);
  });

  it('a Last-Event-ID older than what the server holds in memory (here: after a restart) resumes from the database', async () => {
    const tenant = await callingTenant(t);
    const before = await makeCall(t, tenant.key, { to: '+12025550486' });
    await waitForCall(t, tenant.id, before.body.id);
    await flushed(t);
    const { change_seq: seq } = await db.handle.db
      .selectFrom('calls')
      .select('change_seq')
      .where('id', '=', before.body.id)
      .executeTakeFirstOrThrow();
    await t.close();
    connector = new SimPbxConnector();
    t = await startTestApp(db.handle, { pbxConnector: connector });
    await untilReady(t);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const resumed = readEvents(port, tenant.key, 2, String(Number(seq) - 1));
    await resumed.opened;
    const after = await makeCall(t, tenant.key, { to: '+12025550486' });
    const [missed, live] = await resumed.events;
    // The call that changed while the client was away, as it is now; then the live stream goes on.
    expect(missed).toMatchObject({ id: String(seq), data: { id: before.body.id, status: 'busy' } });
    expect(live!.data.id).toBe(after.body.id);
    await waitForCall(t, tenant.id, after.body.id);
  });

  it('stats count outcomes per DID; the CSV export streams every call, formulas defused', async () => {
    const tenant = await callingTenant(t);
    const answered = await makeCall(t, tenant.key, { to: '+12025550100', callerName: '=1+2' });
    const busy = await makeCall(t, tenant.key, { to: '+12025550486' });
    await Promise.all([answered, busy].map((c) => waitForCall(t, tenant.id, c.body.id)));
    await flushed(t);
    const stats = await t.request('GET', '/api/calls/stats', { key: tenant.key });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ placed: 2, answered: 1, busy: 1, answerRate: 0.5 });
    expect(stats.body.averageTalkSeconds).toBeGreaterThan(0);
    expect(stats.body.perDid).toEqual([expect.objectContaining({ did: tenant.did, placed: 2, answered: 1 })]);
    const csv = await t.request('GET', '/api/calls/export.csv', { key: tenant.key });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,created_at,status,to,from,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([busy.body.id, answered.body.id]);
    expect(csv.text).toContain(",'=1+2,");
    const other = await callingTenant(t);
    const empty = await t.request('GET', '/api/calls/export.csv', { key: other.key });
    expect(empty.text.trim().split('\r\n')).toHaveLength(1);
  });

  it('retention purges finished calls older than the configured days, with their events', async () => {
    const tenant = await callingTenant(t);
    const done = await makeCall(t, tenant.key, { to: '+12025550486' });
    await waitForCall(t, tenant.id, done.body.id);
    await flushed(t);
    const options = t.app.get(CallsOptions);
    const kept = options.retentionDays;
    expect(await t.app.get(CallReportsService).purge()).toBe(0);
    options.retentionDays = -1;
    try {
      expect(await t.app.get(CallReportsService).purge()).toBeGreaterThan(0);
    } finally {
      options.retentionDays = kept;
    }
    expect((await t.request('GET', `/api/calls/${done.body.id}`, { key: tenant.key })).status).toBe(404);
  });

  it('PBX restarted mid-call: after the reconnect the call is closed, flagged, and never re-originated', async () => {
    const tenant = await callingTenant(t);
    const held = await makeCall(t, tenant.key, { to: '+12025550999', context: 'test', exten: 'long' });
    await waitForCall(t, tenant.id, held.body.id, (c) => c.status === 'answered');
    const originates = connector.originates;
    await connector.sim!.restart(100);
    const closed = await waitForCall(t, tenant.id, held.body.id);
    expect([closed.status, closed.endReason]).toEqual(['completed', 'pbx-connection-lost']);
    expect(connector.originates).toBe(originates);
  });

  it('AMI connection dropped mid-call: the call is still up after the reconnect and keeps being tracked', async () => {
    const tenant = await callingTenant(t);
    const held = await makeCall(t, tenant.key, { to: '+12025550999', context: 'test', exten: 'long' });
    await waitForCall(t, tenant.id, held.body.id, (c) => c.status === 'answered');
    const pbx = t.app.get(PbxService);
    connector.sim!.dropConnections();
    while (pbx.status()[0]!.state === 'ready') await once(pbx, 'state');
    while (pbx.status()[0]!.state !== 'ready') await once(pbx, 'state');
    await flushed(t);
    const during = await t.request('GET', `/api/calls/${held.body.id}`, { key: tenant.key });
    expect(during.body.status).toBe('answered');
    const hangup = await t.request('POST', `/api/calls/${held.body.id}/hangup`, { key: tenant.key });
    expect(hangup.status).toBe(202);
    const ended = await waitForCall(t, tenant.id, held.body.id);
    expect([ended.status, ended.endReason]).toEqual(['completed', null]);
  });

  it("after a reconnect the resync closes only this instance's calls; the watchdog sweep closes any instance's call left past the maximum duration", async () => {
    const tenant = await callingTenant(t);
    const options = t.app.get(CallsOptions);
    const tracking = t.app.get(CallTrackingService);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    const insert = async (owner: string, originatedAt: Date) => {
      const id = randomUUID();
      await db.handle.db
        .insertInto('calls')
        .values({
          id,
          tenant_id: tenant.id,
          status: 'answered',
          record: false,
          to_number: '+12025550100',
          answer: JSON.stringify({ type: 'sound', sound: 'hello-world' }),
          timeout_seconds: 30,
          variables: '{}',
          metadata: null,
          action_id: `sb-${id}`,
          channel_id: id,
          other_channel_id: `${id}.2`,
          pbx: 'sim',
          owner,
          scheduled_at: originatedAt,
          originated_at: originatedAt,
          answered_at: originatedAt,
        })
        .execute();
      return id;
    };
    // Neither has a channel on the PBX: one is ours (ended while we were away), one another instance's.
    const mine = await insert(options.instanceId, hoursAgo(0));
    const theirs = await insert('another-instance', hoursAgo(0));
    const theirsLeft = await insert('gone-instance', hoursAgo(5));
    await tracking.resync('sim');
    const status = async (id: string) =>
      (await t.request('GET', `/api/calls/${id}`, { key: tenant.key })).body as {
        status: string;
        endReason: string | null;
      };
    expect(await status(mine)).toMatchObject({ status: 'completed', endReason: 'pbx-connection-lost' });
    expect(await status(theirs)).toMatchObject({ status: 'answered', endReason: null });
    expect(await status(theirsLeft)).toMatchObject({ status: 'answered', endReason: null });
    // 5 h > the 4 h maximum and its grace: its instance is gone.
    await tracking.closeAbandoned();
    expect(await status(theirsLeft)).toMatchObject({ status: 'completed', endReason: 'max-duration' });
    expect(await status(theirs)).toMatchObject({ status: 'answered' });
    await db.handle.db.deleteFrom('calls').where('id', '=', theirs).execute();
  });

  it('the paced queue survives a restart of the server; the call in flight is not placed twice', async () => {
    const tenant = await callingTenant(t, { callsPerSecond: 0.5 });
    const first = await makeCall(t, tenant.key, { to: '+12025550999', context: 'test', exten: 'long' });
    const second = await makeCall(t, tenant.key, { to: '+12025550486' });
    expect([first.body.status, second.body.status]).toEqual(['dialing', 'queued']);
    await t.close();
    const next = new SimPbxConnector();
    t = await startTestApp(db.handle, { pbxConnector: next });
    connector = next;
    await untilReady(t);
    const ended = await waitForCall(t, tenant.id, second.body.id);
    expect(ended.status).toBe('busy');
    await flushed(t);
    const orphan = await t.request('GET', `/api/calls/${first.body.id}`, { key: tenant.key });
    expect(orphan.body).toMatchObject({ endReason: 'pbx-connection-lost' });
    expect(next.originates).toBe(1);
  });
});

describe.each(databases)('calls without a PBX ($name)', (database) => {
  it('make-call answers 503 pbx-unavailable and records nothing', async () => {
    const db = await database.open();
    const t = await startTestApp(db.handle, {
      pbx: new FakePbxConnector([{ name: 'main', connectTo: 'reconnecting' }]),
    });
    try {
      const tenant = await callingTenant(t);
      const reply = await makeCall(t, tenant.key, { to: '+12025550100' });
      expect(reply).toMatchObject({ status: 503, body: { error: 'pbx-unavailable' } });
      const list = await t.request('GET', '/api/calls', { key: tenant.key });
      expect(list.body.items).toEqual([]);
    } finally {
      await t.close();
      await db.dispose();
    }
  });
});
