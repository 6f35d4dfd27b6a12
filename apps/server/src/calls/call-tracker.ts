import { finalStatus, pickCause } from './call-outcome.js';
import {
  isFinalStatus,
  type CallEndReason,
  type CallSnapshot,
  type CallStatus,
  type CallTrailEntry,
  type CallUpdate,
} from './call-status.js';
import { text, toTrailEntry, TRAIL_EVENTS, type TrackerEvent } from './tracker-event.js';

export type { TrackerEvent };

export interface CallTrackerOptions {
  /** Calls followed at once; `track` refuses more (the service limits calls long before). Default 100 000. */
  maxActive?: number;
  /** Ended calls remembered for late events (a Cdr after the last Hangup). Default 10 000. */
  recentlyEnded?: number;
}

export const defaultCallTrackerOptions = { maxActive: 100_000, recentlyEnded: 10_000 };

export interface TrackCallInput {
  callId: string;
  /** The `ChannelId` the Originate pre-set: Uniqueid of the originated channel (`;1`). */
  channelId: string;
  otherChannelId?: string;
  actionId?: string;
  at: Date;
  /** False for a synchronous Originate, which gets no OriginateResponse event. Default true. */
  awaitOriginateResponse?: boolean;
  /** Picks up a call already answered (after a restart): its end then completes it. */
  answeredAt?: Date | null;
}

const STATE_RINGING = '5';
const STATE_UP = '6';

interface CallState {
  snapshot: CallSnapshot;
  awaitOriginateResponse: boolean;
  originateResponseSeen: boolean;
  hangupRequested: boolean;
  /** Every channel of the call (Uniqueid) -> hung up yet. */
  channels: Map<string, boolean>;
  causes: Map<number, string>;
  innerDialStatus: string | null;
  outerDialStatus: string | null;
  keys: Set<string>;
}

const seconds = (from: Date | null, to: Date | null): number | null =>
  from && to ? Math.max(0, Math.round(to.getTime() - from.getTime()) / 1000) : null;

/**
 * The call state machine. Pure logic: fed typed AMI events (and the time they arrived), it answers what
 * changed for which call. Calls are found by every id Asterisk hands out (ChannelId = Uniqueid of `;1`, the
 * other half, dial legs by Linkedid, the ActionID of the OriginateResponse), and a call's status is derived
 * from facts that do not depend on the order of events across channels, which varies from run to run.
 */
export class CallTracker {
  private readonly options: typeof defaultCallTrackerOptions;
  private readonly active = new Map<string, CallState>();
  /** Uniqueid / Linkedid / ActionID -> call, for active and recently ended calls. */
  private readonly index = new Map<string, CallState>();
  private readonly recent = new Map<string, CallState>();

  constructor(options: CallTrackerOptions = {}) {
    this.options = { ...defaultCallTrackerOptions, ...options };
  }

  /** Calls being followed now. */
  get size(): number {
    return this.active.size;
  }

  /** Keys held in the lookup index (bounded: active plus recently ended calls). */
  get indexSize(): number {
    return this.index.size;
  }

  get(callId: string): CallSnapshot | undefined {
    return (this.active.get(callId) ?? this.recent.get(callId))?.snapshot;
  }

  activeCalls(): CallSnapshot[] {
    return [...this.active.values()].map((state) => state.snapshot);
  }

  /** Starts following a call whose Originate is about to be sent: status `dialing`. */
  track(input: TrackCallInput): CallUpdate {
    if (this.active.has(input.callId)) throw new Error(`call ${input.callId} is already tracked`);
    if (this.active.size >= this.options.maxActive) throw new Error('call tracker is full');
    const state: CallState = {
      snapshot: {
        callId: input.callId,
        status: 'dialing',
        channelId: input.channelId,
        otherChannelId: input.otherChannelId ?? null,
        actionId: input.actionId ?? null,
        channel: null,
        otherChannel: null,
        dialedChannel: null,
        uniqueid: null,
        linkedid: null,
        originatedAt: input.at,
        ringingAt: null,
        answeredAt: null,
        endedAt: null,
        ringSeconds: null,
        talkSeconds: null,
        hangupCause: null,
        hangupCauseText: null,
        originateResponse: null,
        originateReason: null,
        dialStatus: null,
        cdrDisposition: null,
        cdrBillsec: null,
        recordingStarted: false,
        endReason: null,
      },
      awaitOriginateResponse: input.awaitOriginateResponse ?? true,
      originateResponseSeen: false,
      hangupRequested: false,
      channels: new Map(),
      causes: new Map(),
      innerDialStatus: null,
      outerDialStatus: null,
      keys: new Set(),
    };
    if (input.answeredAt) {
      state.snapshot.status = 'answered';
      state.snapshot.answeredAt = input.answeredAt;
    }
    this.active.set(input.callId, state);
    this.addKey(state, input.channelId);
    if (input.otherChannelId) this.addKey(state, input.otherChannelId);
    if (input.actionId) this.addKey(state, `action:${input.actionId}`);
    return {
      call: { ...state.snapshot },
      previousStatus: 'queued',
      statusChanged: true,
      ended: false,
      trail: null,
    };
  }

  /** Our hangup request: an unanswered call that ends now was canceled, not failed. */
  requestHangup(callId: string): void {
    const state = this.active.get(callId);
    if (state) state.hangupRequested = true;
  }

  /** The Originate never reached Asterisk (client not ready, refused): the call ends `failed` now. */
  originateNotSent(callId: string, at: Date): CallUpdate | undefined {
    const state = this.active.get(callId);
    if (!state) return undefined;
    return this.end(state, at, 'originate-not-sent', null);
  }

  /** Feeds one AMI event; answers one update per call it concerned (zero or one). */
  handle(event: TrackerEvent, at: Date): CallUpdate[] {
    const state = this.find(event);
    if (!state) return [];
    const previousStatus = state.snapshot.status;
    const wasFinal = isFinalStatus(previousStatus);
    this.apply(state, event, at);
    const trail = TRAIL_EVENTS.has(event.Event) ? toTrailEntry(event, at) : null;
    if (!wasFinal && this.isOver(state)) return [this.end(state, at, null, trail)];
    // A late fact (the callee leg's DialEnd after the OriginateResponse and both halves' Hangup) can still
    // change how an ended call is read; its status follows.
    if (wasFinal && state.snapshot.endReason === null) state.snapshot.status = this.outcome(state);
    if (!trail && previousStatus === state.snapshot.status) return [];
    return [
      {
        call: { ...state.snapshot },
        previousStatus,
        statusChanged: previousStatus !== state.snapshot.status,
        ended: false,
        trail,
      },
    ];
  }

  /**
   * After a reconnect: `live` holds the Uniqueid of every channel the PBX still has (CoreShowChannels). A call
   * with none of its channels there ended while we were not listening and is closed, flagged as such.
   */
  resync(live: ReadonlySet<string>, at: Date): CallUpdate[] {
    const updates: CallUpdate[] = [];
    for (const state of [...this.active.values()]) {
      const ids = [...state.channels.keys(), state.snapshot.channelId];
      if (ids.some((id) => live.has(id))) {
        for (const id of state.channels.keys()) if (!live.has(id)) state.channels.set(id, true);
        continue;
      }
      updates.push(this.end(state, at, 'pbx-connection-lost', null));
    }
    return updates;
  }

  /** The watchdog: closes every call older than `maxDurationMs`. Answers their updates. */
  expire(at: Date, maxDurationMs: number): CallUpdate[] {
    const updates: CallUpdate[] = [];
    for (const state of [...this.active.values()]) {
      const started = state.snapshot.originatedAt?.getTime() ?? at.getTime();
      if (at.getTime() - started > maxDurationMs) updates.push(this.end(state, at, 'max-duration', null));
    }
    return updates;
  }

  private addKey(state: CallState, key: string): void {
    state.keys.add(key);
    this.index.set(key, state);
  }

  private find(event: TrackerEvent): CallState | undefined {
    if (event.Event === 'OriginateResponse') {
      const actionId = text(event, 'ActionID');
      const byAction = actionId ? this.index.get(`action:${actionId}`) : undefined;
      if (byAction) return byAction;
    }
    for (const header of [
      'Uniqueid',
      'DestUniqueid',
      'UniqueID',
      'LocalOneUniqueid',
      'LocalTwoUniqueid',
      'Linkedid',
      'DestLinkedid',
      'LocalOneLinkedid',
    ]) {
      const id = text(event, header);
      if (!id) continue;
      const state = this.index.get(id);
      if (state) return state;
    }
    return undefined;
  }

  private apply(state: CallState, event: TrackerEvent, at: Date): void {
    const call = state.snapshot;
    const uniqueid = text(event, 'Uniqueid');
    const isMain = uniqueid !== undefined && uniqueid === call.channelId;
    switch (event.Event) {
      case 'Newchannel': {
        if (!uniqueid) break;
        this.addKey(state, uniqueid);
        if (!state.channels.has(uniqueid)) state.channels.set(uniqueid, false);
        if (isMain) {
          call.channel = text(event, 'Channel') ?? null;
          call.uniqueid = uniqueid;
          call.linkedid = text(event, 'Linkedid') ?? null;
          if (call.linkedid) this.addKey(state, call.linkedid);
        } else if (uniqueid === call.otherChannelId) {
          call.otherChannel = text(event, 'Channel') ?? null;
        }
        break;
      }
      case 'LocalBridge': {
        const one = text(event, 'LocalOneUniqueid');
        const two = text(event, 'LocalTwoUniqueid');
        if (one === call.channelId && two) {
          call.otherChannelId ??= two;
          call.otherChannel ??= text(event, 'LocalTwoChannel') ?? null;
        }
        break;
      }
      case 'Newstate': {
        const channelState = text(event, 'ChannelState');
        if (channelState === STATE_RINGING) this.ringing(state, at);
        if (channelState === STATE_UP && isMain) this.answered(state, at);
        break;
      }
      case 'DialState':
        if (text(event, 'DialStatus') === 'RINGING') this.ringing(state, at);
        break;
      case 'DialEnd': {
        const status = text(event, 'DialStatus') ?? null;
        if (text(event, 'Channel')) {
          state.innerDialStatus = status;
          call.dialedChannel = text(event, 'DestChannel') ?? null;
        } else {
          state.outerDialStatus = status;
          if (status === 'ANSWER' && text(event, 'DestUniqueid') === call.channelId) this.answered(state, at);
        }
        call.dialStatus = state.innerDialStatus ?? state.outerDialStatus;
        break;
      }
      case 'OriginateResponse': {
        state.originateResponseSeen = true;
        const response = text(event, 'Response');
        call.originateResponse = response === 'Success' ? 'Success' : 'Failure';
        const reason = Number.parseInt(text(event, 'Reason') ?? '', 10);
        call.originateReason = Number.isNaN(reason) ? 0 : reason;
        if (call.originateResponse === 'Success') this.answered(state, at);
        break;
      }
      case 'Hangup': {
        if (!uniqueid) break;
        state.channels.set(uniqueid, true);
        const cause = Number.parseInt(text(event, 'Cause') ?? '', 10);
        if (!Number.isNaN(cause)) state.causes.set(cause, text(event, 'Cause-txt') ?? '');
        call.hangupCause = pickCause(state.causes.keys());
        call.hangupCauseText =
          call.hangupCause === null ? null : (state.causes.get(call.hangupCause) ?? null);
        break;
      }
      case 'Cdr': {
        const cdrUniqueid = text(event, 'UniqueID');
        if (cdrUniqueid === call.channelId || call.cdrDisposition === null) {
          call.cdrDisposition = text(event, 'Disposition') ?? null;
          const billsec = Number.parseInt(text(event, 'BillableSeconds') ?? '', 10);
          call.cdrBillsec = Number.isNaN(billsec) ? null : billsec;
        }
        break;
      }
      case 'MixMonitorStart':
        call.recordingStarted = true;
        break;
      default:
        break;
    }
  }

  private ringing(state: CallState, at: Date): void {
    if (state.snapshot.status !== 'dialing') return;
    state.snapshot.status = 'ringing';
    state.snapshot.ringingAt = at;
  }

  private answered(state: CallState, at: Date): void {
    const call = state.snapshot;
    if (call.answeredAt !== null || isFinalStatus(call.status)) return;
    call.status = 'answered';
    call.answeredAt = at;
  }

  /** Over once every channel seen is gone, and Asterisk has said how the Originate went. */
  private isOver(state: CallState): boolean {
    const call = state.snapshot;
    for (const hungUp of state.channels.values()) if (!hungUp) return false;
    if (call.answeredAt !== null) return state.channels.get(call.channelId) === true;
    return state.originateResponseSeen || (!state.awaitOriginateResponse && state.channels.size > 0);
  }

  private end(
    state: CallState,
    at: Date,
    endReason: CallEndReason | null,
    trail: CallTrailEntry | null,
  ): CallUpdate {
    const call = state.snapshot;
    const previousStatus = call.status;
    call.status = this.outcome(state);
    call.endReason = endReason;
    call.endedAt = at;
    call.ringSeconds = seconds(call.ringingAt, call.answeredAt ?? at);
    call.talkSeconds = seconds(call.answeredAt, at);
    this.active.delete(call.callId);
    this.remember(state);
    return {
      call: { ...call },
      previousStatus,
      statusChanged: previousStatus !== call.status,
      ended: true,
      trail,
    };
  }

  private outcome(state: CallState): CallStatus {
    return finalStatus({
      answered: state.snapshot.answeredAt !== null,
      hangupRequested: state.hangupRequested,
      originateReason: state.snapshot.originateReason,
      innerDialStatus: state.innerDialStatus,
      outerDialStatus: state.outerDialStatus,
      hangupCause: state.snapshot.hangupCause,
    });
  }

  /** Keeps an ended call findable for late events, dropping the oldest beyond the bound. */
  private remember(state: CallState): void {
    this.recent.set(state.snapshot.callId, state);
    while (this.recent.size > this.options.recentlyEnded) {
      const [oldestId, oldest] = this.recent.entries().next().value as [string, CallState];
      this.recent.delete(oldestId);
      for (const key of oldest.keys) if (this.index.get(key) === oldest) this.index.delete(key);
    }
  }
}
