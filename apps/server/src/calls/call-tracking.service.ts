import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { GenericAmiEvent, Subscription } from '@switchboard/ami';
import { Clock } from '../common/clock.js';
import type { CallRow } from '../db/database.types.js';
import { PbxService } from '../pbx/pbx.service.js';
import { SoundsService } from '../sounds/sounds.service.js';
import { TransferNumbersService } from '../tenants/transfer-numbers.service.js';
import { CallStreamHub } from './call-stream.hub.js';
import { CallTracker } from './call-tracker.js';
import type { CallSnapshot, CallTrailEntry, CallUpdate } from './call-status.js';
import { TRAIL_EVENTS } from './tracker-event.js';
import { CallsOptions } from './calls.options.js';
import { CallsRepository } from './calls.repository.js';

interface CallMeta {
  tenantId: string;
  record: boolean;
  transferNumberId: string | null;
  pbx: string;
  /** The library sound played on answer (`custom/<tenant>/<name>`), counted as a use once answered. */
  librarySound: string | undefined;
}

/** `custom/<tenant slug>/<name>` -> `<name>`; PBX sounds (`hello-world`) are not the library's. */
function librarySoundName(sound: string | null): string | undefined {
  const match = sound === null ? null : /^custom\/[^/]+\/([^/]+)$/.exec(sound);
  return match?.[1];
}

/**
 * Runs the CallTracker on the live AMI events: writes its changes in batches (one transaction each), pushes
 * them to the live stream, starts recordings on answer, releases transfer numbers at the end, resyncs after a
 * reconnect and closes calls past the maximum duration.
 */
@Injectable()
export class CallTrackingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Calls');
  readonly tracker = new CallTracker();
  private readonly meta = new Map<string, CallMeta>();
  private readonly pending = new Map<string, CallSnapshot>();
  private trail: Array<{ callId: string; entry: CallTrailEntry }> = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private watchdog: NodeJS.Timeout | undefined;
  private readonly subscriptions: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly calls: CallsRepository,
    private readonly pbx: PbxService,
    private readonly hub: CallStreamHub,
    private readonly transferNumbers: TransferNumbersService,
    private readonly sounds: SoundsService,
    private readonly clock: Clock,
    private readonly options: CallsOptions,
  ) {}

  onApplicationBootstrap(): void {
    const names = [...TRAIL_EVENTS];
    for (const { name } of this.pbx.status()) {
      const client = this.pbx.client(name);
      if (!client) continue;
      const subscription: Subscription = client.subscribe((event) => this.onEvent(event), { filter: names });
      const onReady = () => void this.resync(name).catch((err: Error) => this.logger.warn(err.message));
      client.on('ready', onReady);
      if (client.state === 'ready') onReady();
      this.subscriptions.push(() => {
        subscription.close();
        client.off('ready', onReady);
      });
    }
    this.watchdog = setInterval(() => {
      this.expire();
      void this.closeAbandoned().catch((err: Error) => this.logger.warn(`watchdog: ${err.message}`));
    }, this.options.watchdogIntervalMs);
    this.watchdog.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    clearInterval(this.watchdog);
    await this.flush();
  }

  /** Starts following a call whose Originate is about to be sent. */
  register(row: CallRow, pbx: string): void {
    this.meta.set(row.id, {
      tenantId: row.tenant_id,
      record: row.record,
      transferNumberId: row.transfer_number_id,
      pbx,
      librarySound: librarySoundName(row.sound),
    });
    this.tracker.track({
      callId: row.id,
      channelId: row.channel_id,
      otherChannelId: row.other_channel_id,
      actionId: row.action_id,
      at: row.originated_at ?? this.clock.now(),
    });
  }

  originateNotSent(callId: string): void {
    const update = this.tracker.originateNotSent(callId, this.clock.now());
    if (update) this.accept(update);
  }

  /** Marks our own hangup, so an unanswered call ends `canceled`. */
  requestHangup(callId: string): CallSnapshot | undefined {
    this.tracker.requestHangup(callId);
    return this.tracker.get(callId);
  }

  isTracked(callId: string): boolean {
    return this.meta.has(callId);
  }

  /** Resolves once every change accepted so far is committed. */
  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushing = this.flushing.then(() => this.writeBatch());
    await this.flushing;
  }

  private onEvent(event: GenericAmiEvent): void {
    for (const update of this.tracker.handle(event, this.clock.now())) this.accept(update);
  }

  private accept(update: CallUpdate): void {
    const { call } = update;
    const meta = this.meta.get(call.callId);
    this.pending.set(call.callId, call);
    if (update.trail) this.trail.push({ callId: call.callId, entry: update.trail });
    if (update.statusChanged && call.status === 'answered' && meta?.record && call.channel) {
      void this.startRecording(call.callId, meta.pbx, call.channel);
    }
    if (update.statusChanged && call.status === 'answered' && meta?.librarySound) {
      // The sound plays once the callee answers: that is a use of it.
      void this.sounds
        .recordUse(meta.tenantId, meta.librarySound)
        .catch((err: Error) => this.logger.warn(`sound use: ${err.message}`));
    }
    if (update.ended && meta) {
      this.meta.delete(call.callId);
      if (meta.transferNumberId) {
        void this.transferNumbers
          .release(meta.tenantId, meta.transferNumberId)
          .catch((err: Error) => this.logger.warn(`transfer number release: ${err.message}`));
      }
    }
    if (this.pending.size + this.trail.length >= this.options.maxBatch) void this.flush();
    else if (!this.flushTimer && !this.stopped) {
      this.flushTimer = setTimeout(() => void this.flush(), this.options.flushMs);
    }
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0 && this.trail.length === 0) return;
    const snapshots = [...this.pending.values()];
    const trail = this.trail;
    this.pending.clear();
    this.trail = [];
    try {
      const rows = await this.calls.applyBatch(snapshots, trail, this.clock.now());
      for (const row of rows) this.hub.publish(row);
    } catch (err) {
      this.logger.error(`call changes not written (${snapshots.length} calls): ${(err as Error).message}`);
    }
  }

  private async startRecording(callId: string, pbx: string, channel: string): Promise<void> {
    const client = this.pbx.client(pbx);
    const file = `${callId}.wav`;
    try {
      const response = await client!.action({ Action: 'MixMonitor', Channel: channel, File: file });
      if (!response.ok) throw new Error(response.get('Message') ?? 'MixMonitor refused');
      const row = await this.calls.update(callId, { recording_file: file, updated_at: this.clock.now() });
      if (row) this.hub.publish(row);
    } catch (err) {
      this.logger.warn(`recording of call ${callId} not started: ${(err as Error).message}`);
    }
  }

  /**
   * After (re)connecting: which channels does the PBX still have? Calls still up go on being tracked (also
   * calls of a previous run of the server); the others ended unseen and are closed, flagged as such.
   */
  async resync(pbx: string): Promise<void> {
    const client = this.pbx.client(pbx);
    if (!client || this.stopped) return;
    const response = await client.action({ Action: 'CoreShowChannels' });
    const live = new Set(response.events.map((event) => event.get('Uniqueid') ?? ''));
    for (const update of this.tracker.resync(live, this.clock.now())) this.accept(update);
    for (const row of await this.calls.inProgress(this.options.instanceId)) {
      if (this.meta.has(row.id) || (row.pbx !== null && row.pbx !== pbx)) continue;
      if (live.has(row.channel_id)) {
        this.meta.set(row.id, {
          tenantId: row.tenant_id,
          record: false,
          transferNumberId: row.transfer_number_id,
          // Picked up again after a reconnect: whether its sound played meanwhile is unknown, so no use is counted.
          librarySound: undefined,
          pbx,
        });
        this.tracker.track({
          callId: row.id,
          channelId: row.channel_id,
          otherChannelId: row.other_channel_id,
          actionId: row.action_id,
          at: row.originated_at ?? this.clock.now(),
          answeredAt: row.answered_at,
          awaitOriginateResponse: false,
        });
        continue;
      }
      const now = this.clock.now();
      const closed = await this.calls.update(row.id, {
        status: row.answered_at ? 'completed' : 'failed',
        end_reason: 'pbx-connection-lost',
        ended_at: now,
        updated_at: now,
      });
      if (closed) this.hub.publish(closed);
    }
    await this.flush();
  }

  /**
   * The watchdog's sweep over the database: a call of any instance still open a grace period (two watchdog
   * intervals and a minute) past the maximum duration was left by an instance that is gone; it is closed.
   */
  async closeAbandoned(): Promise<void> {
    const now = this.clock.now();
    const grace = 2 * this.options.watchdogIntervalMs + 60_000;
    const before = new Date(now.getTime() - this.options.maxCallDurationMs - grace);
    for (const row of await this.calls.closeAbandoned(before, now)) {
      this.hub.publish(row);
    }
  }

  /** The watchdog: hangs up and closes calls past the maximum duration. */
  expire(): void {
    for (const update of this.tracker.expire(this.clock.now(), this.options.maxCallDurationMs)) {
      const meta = this.meta.get(update.call.callId);
      if (meta && update.call.channel) {
        void this.pbx
          .client(meta.pbx)
          ?.action({ Action: 'Hangup', Channel: update.call.channel })
          .catch(() => undefined);
      }
      this.accept(update);
    }
  }
}
