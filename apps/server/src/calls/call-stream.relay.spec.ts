import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callRow } from '../../test/helpers/call-rows.js';
import type {
  DatabaseNotifications,
  ListenOptions,
  NotificationHandlers,
} from '../db/database-notifications.js';
import type { CallRow } from '../db/database.types.js';
import type { MetricsService } from '../metrics/metrics.service.js';
import { CALL_CHANGES_CHANNEL } from './call-change-notice.js';
import { CallStreamHub, type CallStreamMessage } from './call-stream.hub.js';
import { CallStreamRelay } from './call-stream.relay.js';
import { CallsOptions } from './calls.options.js';
import type { CallsRepository } from './calls.repository.js';

/** The database's side: the calls as they are now, and the reads the relay makes. */
class FakeCalls {
  readonly rows = new Map<string, CallRow>();
  readonly reads: string[][] = [];
  catchUps: number[] = [];
  lastSeq = 0;

  write(row: CallRow): CallRow {
    this.rows.set(row.id, row);
    this.lastSeq = Math.max(this.lastSeq, Number(row.change_seq));
    return row;
  }

  currentSchema = () => Promise.resolve('public');
  lastChangeSeq = () => Promise.resolve(this.lastSeq);
  findMany = (ids: string[]) => {
    this.reads.push([...ids]);
    return Promise.resolve(this.inOrder().filter((row) => ids.includes(row.id)));
  };
  changedSinceInAnyTenant = (since: number, limit: number) => {
    this.catchUps.push(since);
    return Promise.resolve(
      this.inOrder()
        .filter((row) => Number(row.change_seq) > since)
        .slice(0, limit),
    );
  };

  private inOrder(): CallRow[] {
    return [...this.rows.values()].sort((a, b) => Number(a.change_seq) - Number(b.change_seq));
  }
}

/** Hands the relay's handlers to the test, which plays the database connection. */
class FakeNotifications {
  handlers: NotificationHandlers | undefined;
  options: ListenOptions | undefined;
  closed = false;

  listen(channel: string, handlers: NotificationHandlers, options: ListenOptions) {
    expect(channel).toBe(CALL_CHANGES_CHANNEL);
    this.handlers = handlers;
    this.options = options;
    return {
      close: () => {
        this.closed = true;
        return Promise.resolve();
      },
    };
  }

  notify(row: CallRow, schema = 'public'): void {
    const payload = { schema, id: row.id, tenantId: row.tenant_id, changeSeq: Number(row.change_seq) };
    this.handlers!.notification(JSON.stringify(payload));
  }
}

/** Lets every resolved promise chain run (setImmediate is not faked). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CallStreamRelay', () => {
  let calls: FakeCalls;
  let notifications: FakeNotifications;
  let hub: CallStreamHub;
  let relay: CallStreamRelay;
  let seen: CallStreamMessage[];
  const options = new CallsOptions();
  options.instanceId = 'b';
  const windowEnds = async () => {
    await vi.advanceTimersByTimeAsync(options.remoteChangeWindowMs);
    await settle();
  };
  const sent = () => seen.map((m) => [m.call.id, m.id, m.call.status]);

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    calls = new FakeCalls();
    calls.lastSeq = 4;
    notifications = new FakeNotifications();
    hub = new CallStreamHub();
    const metrics = { watchCallChangeListener: () => undefined } as unknown as MetricsService;
    relay = new CallStreamRelay(
      notifications as unknown as DatabaseNotifications,
      calls as unknown as CallsRepository,
      hub,
      options,
      metrics,
    );
    const booting = relay.onApplicationBootstrap();
    await settle();
    notifications.handlers!.listening();
    await booting;
    seen = [];
    hub.subscribe('tenant-1', undefined, (message) => seen.push(message));
  });

  afterEach(async () => {
    await relay.onApplicationShutdown();
    vi.useRealTimers();
  });

  it('names its connection after the instance', () => {
    expect(notifications.options?.name).toBe('switchboard b');
    expect(relay.status).toEqual({ listening: true, reconnects: 0 });
  });

  it('starts once its first attempt to listen is over, also when it failed (it goes on trying)', async () => {
    const other = new CallStreamRelay(
      notifications as unknown as DatabaseNotifications,
      calls as unknown as CallsRepository,
      new CallStreamHub(),
      options,
      { watchCallChangeListener: () => undefined } as unknown as MetricsService,
    );
    let started = false;
    const booting = other.onApplicationBootstrap().then(() => (started = true));
    await settle();
    expect(started).toBe(false);
    notifications.handlers!.lost('connection refused');
    await booting;
    expect(other.status).toEqual({ listening: false, reconnects: 0 });
    await other.onApplicationShutdown();
  });

  it("reads nothing for this instance's own change, published before the notice or within the window", async () => {
    const early = calls.write(callRow({ change_seq: '5' }));
    hub.publish(early);
    notifications.notify(early);
    const late = calls.write(callRow({ id: 'call-2', change_seq: '6' }));
    notifications.notify(late);
    hub.publish(late);
    await windowEnds();
    expect(calls.reads).toEqual([]);
    expect(sent()).toEqual([
      ['call-1', 5, 'dialing'],
      ['call-2', 6, 'dialing'],
    ]);
  });

  it("publishes another instance's changes of one window after one read, each call as it is now, once", async () => {
    notifications.notify(calls.write(callRow({ change_seq: '5' })));
    notifications.notify(calls.write(callRow({ id: 'call-2', change_seq: '6' })));
    notifications.notify(calls.write(callRow({ change_seq: '7', status: 'ringing' })));
    await windowEnds();
    expect(calls.reads).toEqual([['call-1', 'call-2']]);
    expect(sent()).toEqual([
      ['call-2', 6, 'dialing'],
      ['call-1', 7, 'ringing'],
    ]);
    // A notice arriving late for a change already sent, and this instance publishing the same row: nothing more.
    notifications.notify(callRow({ change_seq: '5' }));
    hub.publish(calls.rows.get('call-1')!);
    await windowEnds();
    expect(calls.reads).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('reads a burst of notices 1000 calls at a time, and sends them in change order', async () => {
    for (let i = 1; i <= 2500; i++) {
      notifications.notify(calls.write(callRow({ id: `call-${3000 - i}`, change_seq: String(4 + i) })));
    }
    await windowEnds();
    expect(calls.reads.map((ids) => ids.length)).toEqual([1000, 1000, 500]);
    const ids = seen.map((m) => m.id);
    expect(ids).toHaveLength(2500);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });

  it("ignores notices of another schema's calls (another deployment or test run on the same database)", async () => {
    notifications.notify(calls.write(callRow({ change_seq: '5' })), 'elsewhere');
    notifications.handlers!.notification('not json');
    await windowEnds();
    expect(calls.reads).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('after the connection was lost, sends the calls changed meanwhile, and memory no longer answers resumes from before', async () => {
    notifications.notify(calls.write(callRow({ change_seq: '5' })));
    await windowEnds();
    expect(hub.covers(4)).toBe(true);
    notifications.handlers!.lost('terminated');
    expect(relay.status.listening).toBe(false);
    // Changed while nobody listened: no notices.
    calls.write(callRow({ change_seq: '6', status: 'answered' }));
    calls.write(callRow({ id: 'call-2', change_seq: '7' }));
    // A notice on the new connection can come before it reports listening: it must not move where the
    // catch-up starts.
    notifications.notify(calls.write(callRow({ id: 'call-3', change_seq: '8' })));
    notifications.handlers!.listening();
    await settle();
    expect(calls.catchUps).toEqual([4, 5]);
    expect(sent()).toEqual([
      ['call-1', 5, 'dialing'],
      ['call-1', 6, 'answered'],
      ['call-2', 7, 'dialing'],
      ['call-3', 8, 'dialing'],
    ]);
    // Call 3 was sent by the catch-up: its notice reads nothing.
    await windowEnds();
    expect(calls.reads).toEqual([['call-1']]);
    expect([hub.covers(5), hub.covers(8)]).toEqual([false, true]);
    expect(relay.status).toEqual({ listening: true, reconnects: 1 });
  });

  it('at shutdown closes the listener and drops the notices still waiting for their window', async () => {
    notifications.notify(calls.write(callRow({ change_seq: '5' })));
    await relay.onApplicationShutdown();
    expect(notifications.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await windowEnds();
    expect(calls.reads).toEqual([]);
  });
});
