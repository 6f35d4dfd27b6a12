import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallTrackingService } from '../src/calls/call-tracking.service.js';
import { CallsOptions } from '../src/calls/calls.options.js';
import { Clock } from '../src/common/clock.js';
import { PbxService } from '../src/pbx/pbx.service.js';
import { callingTenant, flushed, makeCall, waitForCall } from './helpers/calls-helpers.js';
import { SimPbxConnector } from './helpers/sim-pbx.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';
import { once } from 'node:events';

const databases = await testDatabases();

/** The real time, moved forward on demand (idempotency keys expire after 24 h). */
class OffsetClock extends Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

async function untilReady(t: TestApp): Promise<void> {
  const pbx = t.app.get(PbxService);
  while (!pbx.status().every((s) => s.ready)) await once(pbx, 'state');
}

describe.each(databases)('calls end to end over the simulator ($name)', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  let connector: SimPbxConnector;
  let tenant: { id: string; key: string; did: string };
  const clock = new OffsetClock();

  beforeAll(async () => {
    db = await database.open();
    connector = new SimPbxConnector();
    t = await startTestApp(db.handle, { pbxConnector: connector, clock });
    await untilReady(t);
    tenant = await callingTenant(t);
  });

  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('places an answered call and tracks it to completed, with its event trail', async () => {
    const placed = await makeCall(t, tenant.key, { to: '+12025550100', variables: { campaign: 'spring' } });
    expect(placed.status).toBe(202);
    expect(placed.body).toMatchObject({ status: 'dialing', to: '+12025550100', from: tenant.did });
    const ended = await waitForCall(t, tenant.id, placed.body.id);
    expect(ended).toMatchObject({
      status: 'completed',
      hangupCause: 16,
      originateResponse: 'Success',
      originateReason: 4,
      dialStatus: 'ANSWER',
      pbx: 'sim',
      uniqueid: placed.body.id,
    });
    expect(ended.channel).toMatch(/^Local\/\+12025550100@from-internal-[0-9a-f]{8};1$/);
    expect(ended.answeredAt).not.toBeNull();
    expect(ended.talkSeconds).toBeGreaterThan(0);
    await flushed(t);
    const detail = await t.request('GET', `/api/calls/${placed.body.id}`, { key: tenant.key });
    expect(detail.status).toBe(200);
    const names = detail.body.events.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Newchannel', 'OriginateResponse', 'Hangup']));
    expect(detail.body.cdrDisposition).toBe('ANSWERED');
  });

  it.each([
    ['+12025550486', 'busy', 17],
    ['+12025550503', 'congestion', 34],
    ['+12025550404', 'failed', 1],
  ])('%s ends %s (cause %i)', async (to, status, cause) => {
    const placed = await makeCall(t, tenant.key, { to });
    expect(placed.status).toBe(202);
    const ended = await waitForCall(t, tenant.id, placed.body.id);
    expect([ended.status, ended.hangupCause]).toEqual([status, cause]);
  });

  it('a callee who never answers ends no-answer after the ring timeout', async () => {
    const placed = await makeCall(t, tenant.key, { to: '+12025550408', timeoutSeconds: 5 });
    const ended = await waitForCall(t, tenant.id, placed.body.id);
    expect([ended.status, ended.originateReason, ended.answeredAt]).toEqual(['no-answer', 3, null]);
  });

  it('hangup by API: canceled before the answer, completed after', async () => {
    const ringing = await makeCall(t, tenant.key, { to: '+12025550408' });
    await waitForCall(t, tenant.id, ringing.body.id, (c) => c.status === 'ringing');
    const cancel = await t.request('POST', `/api/calls/${ringing.body.id}/hangup`, { key: tenant.key });
    expect(cancel.status).toBe(202);
    expect((await waitForCall(t, tenant.id, ringing.body.id)).status).toBe('canceled');

    const held = await makeCall(t, tenant.key, { to: '+12025550999', context: 'test', exten: 'long' });
    await waitForCall(t, tenant.id, held.body.id, (c) => c.status === 'answered');
    const hangup = await t.request('POST', `/api/calls/${held.body.id}/hangup`, { key: tenant.key });
    expect(hangup.status).toBe(202);
    expect((await waitForCall(t, tenant.id, held.body.id)).status).toBe('completed');
    const again = await t.request('POST', `/api/calls/${held.body.id}/hangup`, { key: tenant.key });
    expect(again).toMatchObject({ status: 409, body: { error: 'call-not-active' } });
  });

  it('record: true starts MixMonitor on the answered channel, the call points at the file', async () => {
    const placed = await makeCall(t, tenant.key, { to: '+12025550100', record: true });
    const recorded = await waitForCall(t, tenant.id, placed.body.id, (c) => c.recordingFile !== null);
    expect(recorded.recordingFile).toBe(`${placed.body.id}.wav`);
    await waitForCall(t, tenant.id, placed.body.id);
  });

  it('Idempotency-Key: 50 concurrent same-key requests place exactly one call', async () => {
    const before = connector.originates;
    const body = { to: '+12025550100' };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => makeCall(t, tenant.key, body, { 'idempotency-key': 'order-42' })),
    );
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([202]));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    await waitForCall(t, tenant.id, replies[0]!.body.id);
    expect(connector.originates - before).toBe(1);
    const other = await makeCall(t, tenant.key, { to: '+12025550101' }, { 'idempotency-key': 'order-42' });
    expect(other).toMatchObject({ status: 422, body: { error: 'idempotency-key-reused' } });
    // Keys are kept 24 h: after that the same key places a new call.
    clock.offsetMs = 25 * 3600_000;
    try {
      const later = await makeCall(t, tenant.key, { to: '+12025550486' }, { 'idempotency-key': 'order-42' });
      expect(later.status).toBe(202);
      expect(later.body.id).not.toBe(replies[0]!.body.id);
      await waitForCall(t, tenant.id, later.body.id);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('over max concurrent calls answers 429 with Retry-After', async () => {
    const limited = await callingTenant(t, { maxConcurrentCalls: 1 });
    const first = await makeCall(t, limited.key, { to: '+12025550999', context: 'test', exten: 'long' });
    expect(first.status).toBe(202);
    const second = await makeCall(t, limited.key, { to: '+12025550100' });
    expect(second).toMatchObject({ status: 429, body: { error: 'too-many-calls' } });
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    await waitForCall(t, limited.id, first.body.id, (c) => c.status === 'answered');
    await t.request('POST', `/api/calls/${first.body.id}/hangup`, { key: limited.key });
    await waitForCall(t, limited.id, first.body.id);
  });

  it("an explicit from counts against that DID's daily cap like a rotated one, placed now or from the queue", async () => {
    for (const pacing of [{}, { callsPerSecond: 5 }]) {
      const capped = await callingTenant(t, pacing);
      const dids = await t.request('GET', `/api/tenants/${capped.id}/dids`);
      const didId = dids.body.items[0].id as string;
      await t.request('PATCH', `/api/tenants/${capped.id}/dids/${didId}`, { body: { dailyCap: 1 } });
      const first = await makeCall(t, capped.key, { to: '+12025550486', from: capped.did });
      expect(first).toMatchObject({ status: 202, body: { status: 'dialing', from: capped.did } });
      const second = await makeCall(t, capped.key, { to: '+12025550486', from: capped.did });
      if ('callsPerSecond' in pacing) {
        // Queued behind the first: counted when its turn comes, and refused then.
        expect(second.body.status).toBe('queued');
        const failed = await waitForCall(t, capped.id, second.body.id);
        expect([failed.status, failed.endReason]).toEqual(['failed', 'did-daily-cap-reached']);
      } else {
        expect(second).toMatchObject({ status: 409, body: { error: 'did-daily-cap-reached' } });
        const rotated = await makeCall(t, capped.key, { to: '+12025550486' });
        expect(rotated).toMatchObject({ status: 409, body: { error: 'no-did-available' } });
      }
      const after = await t.request('GET', `/api/tenants/${capped.id}/dids/${didId}`);
      expect(after.body).toMatchObject({ usesToday: 1, totalUses: 1 });
      await waitForCall(t, capped.id, first.body.id);
    }
  });

  it('calls-per-second pacing queues calls and originates them when the rate allows', async () => {
    const paced = await callingTenant(t, { callsPerSecond: 5 });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await makeCall(t, paced.key, { to: `+1202555011${i}` }));
    expect(replies.map((r) => r.body.status)).toEqual(['dialing', 'queued', 'queued']);
    const times = replies.map((r) => Date.parse(r.body.scheduledAt));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(200);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(200);
    const ended = await Promise.all(replies.map((r) => waitForCall(t, paced.id, r.body.id)));
    expect(ended.map((c) => c.status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('transfer: true connects the answered callee to a weighted transfer number, released at the end', async () => {
    const transferring = await callingTenant(t);
    const added = await t.request('POST', `/api/tenants/${transferring.id}/transfer-numbers`, {
      body: { number: '+12025550177', weight: 1 },
    });
    expect(added.status).toBe(201);
    const placed = await makeCall(t, transferring.key, { to: '+12025550100', transfer: true });
    expect(placed.body).toMatchObject({ status: 'dialing', transferNumber: '+12025550177' });
    const ended = await waitForCall(t, transferring.id, placed.body.id);
    expect(ended.status).toBe('completed');
    await flushed(t);
    await expect
      .poll(async () => {
        const numbers = await t.request('GET', `/api/tenants/${transferring.id}/transfer-numbers`);
        return numbers.body.items[0].activeCalls as number;
      })
      .toBe(0);
    const direct = await makeCall(t, transferring.key, { to: '+12025550100', transferTo: '+12025550188' });
    expect(direct.body).toMatchObject({ transferNumber: '+12025550188', answer: { type: 'transfer' } });
    await waitForCall(t, transferring.id, direct.body.id);
  });

  it('soundId: a PBX sound name plays; an unknown library sound id is a 404', async () => {
    const named = await makeCall(t, tenant.key, { to: '+12025550100', soundId: 'tt-weasels' });
    expect(named.body).toMatchObject({ sound: 'tt-weasels', answer: { type: 'sound', sound: 'tt-weasels' } });
    expect((await waitForCall(t, tenant.id, named.body.id)).status).toBe('completed');
    const missing = await makeCall(t, tenant.key, {
      to: '+12025550100',
      soundId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ status: 404, body: { error: 'not-found' } });
  });

  it('the watchdog hangs up and closes a call past the maximum duration, flagged as such', async () => {
    const held = await makeCall(t, tenant.key, { to: '+12025550999', context: 'test', exten: 'moh' });
    await waitForCall(t, tenant.id, held.body.id, (c) => c.status === 'answered');
    const options = t.app.get(CallsOptions);
    const kept = options.maxCallDurationMs;
    options.maxCallDurationMs = 0;
    try {
      t.app.get(CallTrackingService).expire();
    } finally {
      options.maxCallDurationMs = kept;
    }
    const closed = await waitForCall(t, tenant.id, held.body.id);
    expect([closed.status, closed.endReason]).toEqual(['completed', 'max-duration']);
    // The PBX was told too: the channels go away.
    const pbx = t.app.get(PbxService).client()!;
    await expect
      .poll(async () => {
        const channels = await pbx.action({ Action: 'CoreShowChannels' });
        return channels.events.filter((e) => e.get('Uniqueid') === held.body.id).length;
      })
      .toBe(0);
  });

  it('CR/LF in any field is a 400 and nothing reaches the PBX', async () => {
    const before = connector.originates;
    for (const body of [
      { to: '+12025550100\r\nAction: Hangup' },
      { to: '+12025550100', callerName: 'x\r\ny' },
      { to: '+12025550100', variables: { a: 'b\nc' } },
      { to: '+12025550100', soundId: 'a\r\nb' },
      { to: '+12025550100', context: 'x\n', exten: 'y' },
      { to: '+12025550100', from: '+1202\r\n5550140' },
    ]) {
      const reply = await makeCall(t, tenant.key, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    expect(connector.originates).toBe(before);
  });

  it("another tenant's call answers 404 on every endpoint to its operator and its admin, and lists only show one's own", async () => {
    const mine = await makeCall(t, tenant.key, { to: '+12025550486' });
    for (const role of ['operator', 'admin'] as const) {
      const other = await callingTenant(t, {}, role);
      for (const [method, url] of [
        ['GET', `/api/calls/${mine.body.id}`],
        ['POST', `/api/calls/${mine.body.id}/hangup`],
      ] as const) {
        expect([role, url, (await t.request(method, url, { key: other.key })).status]).toEqual([
          role,
          url,
          404,
        ]);
      }
      const list = await t.request('GET', '/api/calls', { key: other.key });
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.body.id);
      for (const path of [
        '/api/calls',
        '/api/calls/stats',
        '/api/calls/export.csv',
        `/api/calls/${mine.body.id}`,
      ]) {
        const probe = await t.request('GET', `${path}?tenantId=${tenant.id}`, { key: other.key });
        expect([role, path, probe.status]).toEqual([role, path, 404]);
      }
      const placedForMe = await makeCall(t, other.key, { to: '+12025550486', tenantId: tenant.id });
      expect([role, placedForMe.status]).toEqual([role, 404]);
    }
    await waitForCall(t, tenant.id, mine.body.id);
  });

  it('lists newest first with filters and keyset pagination', async () => {
    const lister = await callingTenant(t);
    const ids: string[] = [];
    for (const to of ['+12025550486', '+12025550503', '+12025550486']) {
      const placed = await makeCall(t, lister.key, { to });
      ids.push(placed.body.id);
      await waitForCall(t, lister.id, placed.body.id);
    }
    await flushed(t);
    const page1 = await t.request('GET', '/api/calls?limit=2', { key: lister.key });
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const page2 = await t.request('GET', `/api/calls?limit=2&cursor=${page1.body.nextCursor}`, {
      key: lister.key,
    });
    expect(page2.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    const busy = await t.request('GET', '/api/calls?status=busy', { key: lister.key });
    expect(busy.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[0]]);
    const byNumber = await t.request('GET', '/api/calls?number=%2B12025550503', { key: lister.key });
    expect(byNumber.body.items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    const text = await t.request('GET', '/api/calls?q=0503', { key: lister.key });
    expect(text.body.items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
  });
});
