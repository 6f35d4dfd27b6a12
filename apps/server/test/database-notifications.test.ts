import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../src/db/database.js';
import { DatabaseNotifications, type NotificationHandlers } from '../src/db/database-notifications.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();
const CHANNEL = 'switchboard_test_channel';

/** Records what the listener reports; `next(kind)` waits for the next such report. */
class Reports implements NotificationHandlers {
  readonly log: string[] = [];
  private waiters: Array<{ kind: string; resolve: () => void }> = [];

  notification(payload: string): void {
    this.record(`notification ${payload}`);
  }
  listening(): void {
    this.record('listening');
  }
  lost(): void {
    this.record('lost');
  }

  next(kind: 'notification' | 'listening' | 'lost'): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ kind, resolve }));
  }

  private record(entry: string): void {
    this.log.push(entry);
    const ready = this.waiters.filter((w) => entry.startsWith(w.kind));
    this.waiters = this.waiters.filter((w) => !entry.startsWith(w.kind));
    for (const waiter of ready) waiter.resolve();
  }
}

describe.each(databases)('database notifications ($name)', (database) => {
  let db: OpenedTestDatabase | undefined;

  afterEach(async () => {
    await db?.dispose();
  });

  it('delivers the payloads notified on the channel while listening, and none after close', async () => {
    db = await database.open();
    const reports = new Reports();
    const listening = reports.next('listening');
    const listener = new DatabaseNotifications(db.handle).listen(CHANNEL, reports, { name: 'sb-test' });
    await listening;
    const arrived = reports.next('notification');
    await sql`SELECT pg_notify(${CHANNEL}, 'one')`.execute(db.handle.db);
    await arrived;
    await listener.close();
    await sql`SELECT pg_notify(${CHANNEL}, 'two')`.execute(db.handle.db);
    // A notification sent after it on a channel still listened to arrives; 'two' never did.
    const other = new Reports();
    const otherListening = other.next('listening');
    const witness = new DatabaseNotifications(db.handle).listen(CHANNEL, other, { name: 'sb-test-2' });
    await otherListening;
    const three = other.next('notification');
    await sql`SELECT pg_notify(${CHANNEL}, 'three')`.execute(db.handle.db);
    await three;
    await witness.close();
    expect(reports.log).toEqual(['listening', 'notification one']);
  });
});

describe('database notifications (PostgreSQL unreachable)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries with a growing wait, and close leaves no timer and no reconnect behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const handle = {
      listenTarget: {
        kind: 'postgres',
        connection: { connectionString: 'postgres://postgres@127.0.0.1:1/test' },
      },
    } as unknown as DatabaseHandle;
    const reports = new Reports();
    let lost = reports.next('lost');
    const listener = new DatabaseNotifications(handle).listen(CHANNEL, reports, {
      name: 'sb-test',
      retryMs: 1000,
    });
    await lost;
    expect(vi.getTimerCount()).toBe(1);
    // The first retry is due after 1 s, the next after 2 s.
    lost = reports.next('lost');
    await vi.advanceTimersByTimeAsync(1000);
    await lost;
    await vi.advanceTimersByTimeAsync(1999);
    expect(reports.log).toEqual(['lost', 'lost']);
    await listener.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reports.log).toEqual(['lost', 'lost']);
  });
});

const postgres = databases.filter((d) => d.name === 'postgres');

describe.each(postgres)('database notifications: a dedicated PostgreSQL connection ($name)', (database) => {
  let db: OpenedTestDatabase | undefined;
  let admin: pg.Client | undefined;

  afterEach(async () => {
    vi.useRealTimers();
    await admin?.end();
    await db?.dispose();
  });

  const backends = async (name: string): Promise<number[]> => {
    const { rows } = await admin!.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [name],
    );
    return rows.map((r) => r.pid);
  };

  it('reconnects after its backend is terminated, and close leaves no connection and no timer', async () => {
    db = await database.open();
    admin = new pg.Client({ connectionString: db.databaseUrl });
    await admin.connect();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const name = `sb-test-${randomBytes(4).toString('hex')}`;
    const reports = new Reports();
    let listening = reports.next('listening');
    const listener = new DatabaseNotifications(db.handle).listen(CHANNEL, reports, { name, retryMs: 500 });
    await listening;
    const [first] = await backends(name);
    expect(first).toBeDefined();

    const lost = reports.next('lost');
    await admin.query('SELECT pg_terminate_backend($1)', [first]);
    await lost;
    listening = reports.next('listening');
    await vi.advanceTimersByTimeAsync(500);
    await listening;
    const [second] = await backends(name);
    expect(second).not.toBe(first);
    const arrived = reports.next('notification');
    await admin.query(`SELECT pg_notify($1, 'after the reconnect')`, [CHANNEL]);
    await arrived;
    expect(reports.log).toEqual(['listening', 'lost', 'listening', 'notification after the reconnect']);

    await listener.close();
    expect(vi.getTimerCount()).toBe(0);
    // The server ends the backend once the client has gone; it may still be listed for a moment.
    vi.useRealTimers();
    while ((await backends(name)).length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await backends(name)).toEqual([]);
  });
});
