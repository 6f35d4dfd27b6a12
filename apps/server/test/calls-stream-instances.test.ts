import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallStreamRelay } from '../src/calls/call-stream.relay.js';
import { callingTenant, makeCall } from './helpers/calls-helpers.js';
import { FakePbxConnector } from './helpers/fake-pbx.js';
import { SseClient, type SseEvent } from './helpers/sse-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

const instanceId = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;

async function startInstance(db: OpenedTestDatabase, id: string): Promise<{ t: TestApp; port: number }> {
  const t = await startTestApp(db.handle, {
    pbx: new FakePbxConnector(),
    env: { SWITCHBOARD_INSTANCE_ID: id },
  });
  await t.app.listen(0, '127.0.0.1');
  return { t, port: (t.app.getHttpServer().address() as AddressInfo).port };
}

const ofCall = (events: SseEvent[], callId: string) => events.filter((e) => e.data.id === callId);

/** Waits (polling; no time is asserted) until `condition` holds. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * Two Switchboard instances on one database, over PBXs that accept every call and never end one; A places
 * and changes the calls, B only serves streams. A tenant paced to one call per 1000 s: its first call is
 * placed at once (`dialing`), the next ones wait `queued`, and a queued call hung up ends `canceled`.
 */
describe.each(databases)('the live stream across instances ($name)', (database) => {
  let db: OpenedTestDatabase;
  let a: { t: TestApp; port: number };
  let b: { t: TestApp; port: number };
  const clients: SseClient[] = [];

  beforeAll(async () => {
    db = await database.open();
    a = await startInstance(db, instanceId('a'));
    b = await startInstance(db, instanceId('b'));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await a?.t.close();
    await b?.t.close();
    await db.dispose();
  });

  const stream = (port: number, key: string) => {
    const client = new SseClient(port, key);
    clients.push(client);
    return client;
  };

  /** The call's last change_seq, as the stream's ids spell it (PGlite answers a bigint as a number). */
  const changeSeq = async (callId: string) =>
    String(
      (
        await db.handle.db
          .selectFrom('calls')
          .select('change_seq')
          .where('id', '=', callId)
          .executeTakeFirstOrThrow()
      ).change_seq,
    );

  it("a client of B receives each change of the calls placed and changed through A once; another tenant's client none", async () => {
    const tenant = await callingTenant(a.t, { callsPerSecond: 0.001 });
    const other = await callingTenant(a.t);
    const onB = stream(b.port, tenant.key);
    const otherOnB = stream(b.port, other.key);
    const onA = stream(a.port, tenant.key);
    await Promise.all([onB.opened, otherOnB.opened, onA.opened]);

    const placed = await makeCall(a.t, tenant.key, { to: '+12025550100' });
    const queued = await makeCall(a.t, tenant.key, { to: '+12025550101' });
    expect([placed.body.status, queued.body.status]).toEqual(['dialing', 'queued']);
    await onB.until((events) => ofCall(events, queued.body.id).length > 0);
    const hangup = await a.t.request('POST', `/api/calls/${queued.body.id}/hangup`, { key: tenant.key });
    expect(hangup.body.status).toBe('canceled');
    // A last change: B relays the database's notices in order, so a repeat of an earlier change would come
    // before this one.
    const marker = await makeCall(a.t, tenant.key, { to: '+12025550102' });
    await Promise.all(
      [onB, onA].map((client) => client.until((events) => ofCall(events, marker.body.id).length > 0)),
    );

    // Each client got each change once: B (A's changes, from the database's notices) and A (its own, also
    // announced to it by the database).
    for (const client of [onB, onA]) {
      const { events } = client;
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(new Set(events.map((e) => e.data.id))).toEqual(
        new Set([placed.body.id, queued.body.id, marker.body.id]),
      );
      const changes = ofCall(events, queued.body.id);
      expect(changes.map((e) => e.data.status)).toEqual(['queued', 'canceled']);
      expect(changes[1]!.id).toBe(await changeSeq(queued.body.id));
      // The call placed at once: written twice in quick succession (inserted, then its caller ID set); the
      // last change sent is the call as it is now.
      expect(ofCall(events, placed.body.id).at(-1)).toMatchObject({
        id: await changeSeq(placed.body.id),
        data: { status: 'dialing', from: tenant.did },
      });
      for (const callId of [placed.body.id, queued.body.id, marker.body.id]) {
        const ids = ofCall(events, callId).map((e) => Number(e.id));
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
      }
    }

    // The other tenant's client on B saw nothing of it: its first event is its own call.
    const own = await makeCall(a.t, other.key, { to: '+12025550100' });
    const [first] = await otherOnB.until((events) => events.length > 0);
    expect(first!.data.id).toBe(own.body.id);
  });
});

const postgres = databases.filter((d) => d.name === 'postgres');

describe.each(postgres)('the live stream across instances: listener lost ($name)', (database) => {
  let db: OpenedTestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await database.open();
    admin = new pg.Client({ connectionString: db.databaseUrl });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await db.dispose();
  });

  const listenerBackends = async (id: string): Promise<number[]> => {
    const { rows } = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [`switchboard ${id}`],
    );
    return rows.map((r) => r.pid);
  };

  it("B's listener reconnects after its backend is terminated; changes after that still arrive; closing B leaves no connection", async () => {
    const bId = instanceId('b');
    const a = await startInstance(db, instanceId('a'));
    const b = await startInstance(db, bId);
    let client: SseClient | undefined;
    try {
      const tenant = await callingTenant(a.t);
      client = new SseClient(b.port, tenant.key);
      await client.opened;
      const relay = b.t.app.get(CallStreamRelay);
      await until(() => relay.status.listening);
      const [pid] = await listenerBackends(bId);
      expect(pid).toBeDefined();

      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      const during = await makeCall(a.t, tenant.key, { to: '+12025550100' });
      await until(() => relay.status.listening && relay.status.reconnects === 1);
      const after = await makeCall(a.t, tenant.key, { to: '+12025550101' });
      // The call placed while B was reconnecting too: relayed by its catch-up or by a notice.
      const events = await client.until((seen) =>
        [during, after].every((c) => ofCall(seen, c.body.id).length),
      );
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(await listenerBackends(bId)).not.toContain(pid);
      const metrics = await b.t.request('GET', '/metrics', { key: null });
      expect(metrics.text).toMatch(/^switchboard_call_changes_listening 1$/m);
      expect(metrics.text).toMatch(/^switchboard_call_changes_reconnects_total 1$/m);
    } finally {
      client?.close();
      await b.t.close();
      await a.t.close();
    }
    // The server ends the backend once the client has gone; it may be listed a moment longer.
    await until(async () => (await listenerBackends(bId)).length === 0);
  });
});
