import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseNotifications, type Listening } from '../db/database-notifications.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { CALL_CHANGES_CHANNEL, parseCallChangeNotice } from './call-change-notice.js';
import { CallStreamHub } from './call-stream.hub.js';
import { CallsOptions } from './calls.options.js';
import { CallsRepository } from './calls.repository.js';

/** Most calls read after the listener was away (as many as one Last-Event-ID resume reads). */
export const CATCH_UP_LIMIT = 10_000;
/** Most ids in one read (one bind parameter each; a statement takes at most 65535). */
const READ_CHUNK = 1000;

export interface RelayState {
  /** Notifications arrive now (false before the first LISTEN and while reconnecting). */
  listening: boolean;
  /** Times LISTEN was set up again after the connection was lost. */
  reconnects: number;
}

/**
 * Brings the call changes every Switchboard instance writes into this instance's live stream. The database
 * announces each change (migration 0010); notices are collected for `remoteChangeWindowMs`, then the calls not
 * already published here at that `change_seq` (this instance's own writes usually are) are read in one query
 * and published to the hub, which drops what it already sent. After the listener was away it may have missed
 * notices: the calls changed meanwhile are read and published, and the hub is told not to answer resumes from
 * before that moment out of memory.
 */
@Injectable()
export class CallStreamRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Calls');
  private listener: Listening | undefined;
  /** Notices of other databases' schemas sharing the channel are ignored. */
  private schema = '';
  /** The highest `change_seq` announced so far. */
  private seenUpTo = 0;
  /** Set while notices may be missed: the next catch-up reads the changes after it. */
  private catchUpFrom: number | undefined;
  private readonly pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Reads and publishes one after another, so the hub gets them in order. */
  private work: Promise<void> = Promise.resolve();
  private readonly state: RelayState = { listening: false, reconnects: 0 };
  private everListened = false;

  constructor(
    private readonly notifications: DatabaseNotifications,
    private readonly calls: CallsRepository,
    private readonly hub: CallStreamHub,
    private readonly options: CallsOptions,
    metrics: MetricsService,
  ) {
    metrics.watchCallChangeListener(() => this.status);
  }

  /**
   * Starts listening; resolves once the first attempt is over (listening and caught up, or failed: it goes on
   * trying in the background), so the app starts with the relay idle rather than racing its first requests.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.schema = await this.calls.currentSchema();
    this.seenUpTo = await this.calls.lastChangeSeq();
    this.catchUpFrom = this.seenUpTo;
    let firstAttempt!: () => void;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    this.listener = this.notifications.listen(
      CALL_CHANGES_CHANNEL,
      {
        notification: (payload) => this.onNotice(payload),
        listening: () => {
          this.onListening();
          firstAttempt();
        },
        lost: () => {
          this.state.listening = false;
          this.catchUpFrom ??= this.seenUpTo;
          firstAttempt();
        },
      },
      { name: `switchboard ${this.options.instanceId}` },
    );
    await attempted;
    await this.work;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    await this.listener?.close();
    this.state.listening = false;
    await this.work;
  }

  get status(): RelayState {
    return { ...this.state };
  }

  private onNotice(payload: string): void {
    const notice = parseCallChangeNotice(payload);
    if (!notice || notice.schema !== this.schema) return;
    this.seenUpTo = Math.max(this.seenUpTo, notice.changeSeq);
    if (this.hub.hasSeen(notice.callId, notice.changeSeq)) return;
    this.pending.set(notice.callId, Math.max(this.pending.get(notice.callId) ?? 0, notice.changeSeq));
    // A window, so the changes of one batch are read in one query and this instance's own writes are
    // published (and so skipped here) before it ends.
    this.timer ??= setTimeout(() => this.readPending(), this.options.remoteChangeWindowMs);
  }

  private readPending(): void {
    this.timer = undefined;
    const ids = [...this.pending].filter(([id, seq]) => !this.hub.hasSeen(id, seq)).map(([id]) => id);
    this.pending.clear();
    if (ids.length === 0) return;
    this.enqueue(async () => {
      const rows = [];
      for (let i = 0; i < ids.length; i += READ_CHUNK) {
        rows.push(...(await this.calls.findMany(ids.slice(i, i + READ_CHUNK))));
      }
      rows.sort((a, b) => Number(a.change_seq) - Number(b.change_seq));
      for (const row of rows) this.hub.publish(row);
    });
  }

  private onListening(): void {
    // `catchUpFrom` was fixed when the connection was lost: notices that came on the new connection before
    // this call, or come before the catch-up runs, do not move its start.
    const since = this.catchUpFrom ?? this.seenUpTo;
    this.catchUpFrom = undefined;
    this.state.listening = true;
    if (this.everListened) this.state.reconnects++;
    this.everListened = true;
    this.enqueue(async () => {
      try {
        // Changes up to here may have been missed: a resume from before them reads the database.
        this.hub.markGap(await this.calls.lastChangeSeq());
        const rows = await this.calls.changedSinceInAnyTenant(since, CATCH_UP_LIMIT);
        for (const row of rows) this.hub.publish(row);
        if (rows.length === CATCH_UP_LIMIT) {
          this.logger.warn(`live stream: more than ${CATCH_UP_LIMIT} calls changed while not listening`);
        }
      } catch (err) {
        // Tried again after the next reconnect (a failing database usually drops the listener too).
        this.catchUpFrom = Math.min(this.catchUpFrom ?? since, since);
        throw err;
      }
    });
  }

  private enqueue(job: () => Promise<void>): void {
    this.work = this.work
      .then(job)
      .catch((err: Error) =>
        this.logger.warn(`live stream: call changes of other instances: ${err.message}`),
      );
  }
}
