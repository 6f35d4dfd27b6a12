import { AmiError, AmiErrorCode } from '../errors.js';
import type { AmiMessage } from '../protocol/ami-message.js';
import type { AmiAction } from '../protocol/ami-serializer.js';
import { AmiResponse } from './ami-response.js';
import type { MetricsRecorder } from './client-metrics.js';

export interface ActionCallOptions {
  /** Time to wait for the response (and, for lists, between list items), in ms. Default: the client's actionTimeout. */
  timeout?: number;
}

interface PendingAction {
  readonly id: string;
  readonly name: string;
  readonly payload: string;
  readonly timeoutMs: number;
  readonly resolve: (response: AmiResponse) => void;
  readonly reject: (error: AmiError) => void;
  timer: NodeJS.Timeout | undefined;
  sent: boolean;
  sentAt: number;
  list: AmiResponse | undefined;
}

/**
 * Correlates responses with actions by ActionID, collects event lists up to their `EventList: Complete`
 * event, enforces timeouts, and holds the bounded queue of actions waiting for the connection.
 */
export class ActionTracker {
  private readonly pending = new Map<string, PendingAction>();
  private readonly queue: PendingAction[] = [];
  private counter = 0;
  private lists = 0;

  constructor(
    private readonly prefix: string,
    private readonly metrics: MetricsRecorder,
  ) {}

  get pendingCount(): number {
    return this.pending.size - this.queue.length;
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  /** Returns the action with an ActionID (a caller-supplied one is kept; others get `prefix + counter`). */
  withActionId(action: AmiAction): AmiAction & { ActionID: string } {
    if (typeof action.ActionID === 'string' && action.ActionID.length > 0) {
      return action as AmiAction & { ActionID: string };
    }
    return { ...action, ActionID: this.prefix + String(++this.counter) };
  }

  /**
   * Registers an action and returns the promise of its response. `queued` actions wait in the offline queue
   * (their timeout runs there too) until {@link drainQueue}.
   */
  track(
    action: AmiAction & { ActionID: string },
    payload: string,
    timeoutMs: number,
    queued: boolean,
  ): Promise<AmiResponse> {
    const id = action.ActionID;
    if (this.pending.has(id)) {
      return Promise.reject(
        new AmiError(AmiErrorCode.InvalidValue, `ActionID "${id}" is already in use on this connection`, {
          actionId: id,
          action: action.Action,
          header: 'ActionID',
          sent: false,
        }),
      );
    }
    return new Promise<AmiResponse>((resolve, reject) => {
      const entry: PendingAction = {
        id,
        name: action.Action,
        payload,
        timeoutMs,
        resolve,
        reject,
        timer: undefined,
        sent: false,
        sentAt: 0,
        list: undefined,
      };
      this.pending.set(id, entry);
      if (queued) this.queue.push(entry);
      this.arm(entry);
    });
  }

  /** Marks an action as written to the socket (its latency is measured from here). */
  markSent(actionId: string, now: number): void {
    const entry = this.pending.get(actionId);
    if (!entry) return;
    entry.sent = true;
    entry.sentAt = now;
    this.metrics.actionsSent++;
  }

  /** Removes and returns the queued actions (id and bytes) in order, for sending once logged in. */
  drainQueue(): { id: string; payload: string }[] {
    const queued = this.queue.map((entry) => ({ id: entry.id, payload: entry.payload }));
    this.queue.length = 0;
    return queued;
  }

  /** Number of sent actions currently collecting an event list. */
  get listsPending(): number {
    return this.lists;
  }

  /** Handles a response; returns false when no pending action has its ActionID. */
  onResponse(message: AmiMessage, now: number): boolean {
    const id = message.get('ActionID');
    const entry = id === undefined ? undefined : this.pending.get(id);
    if (!entry || !entry.sent) {
      this.metrics.unmatchedResponses++;
      return false;
    }
    const response = new AmiResponse(message);
    if (!response.ok) {
      const amiMessage = message.get('Message') ?? '';
      this.settle(
        entry,
        new AmiError(AmiErrorCode.ActionFailed, `${entry.name} failed: ${amiMessage || 'Error'}`, {
          actionId: entry.id,
          action: entry.name,
          amiMessage,
          sent: true,
          response,
        }),
        now,
      );
    } else if (response.isList) {
      entry.list = response;
      this.lists++;
      this.arm(entry);
    } else {
      this.settle(entry, response, now);
    }
    return true;
  }

  /** Handles an event carrying an ActionID; returns true when it belonged to a pending event list. */
  onListEvent(message: AmiMessage, actionId: string, now: number): boolean {
    const entry = this.pending.get(actionId);
    const list = entry?.list;
    if (!entry || !list) return false;
    if (message.get('EventList')?.toLowerCase() === 'complete') {
      list.complete = message;
      this.settle(entry, list, now);
    } else {
      list.events.push(message);
      this.arm(entry);
    }
    return true;
  }

  /** Rejects every sent action (the connection is gone); queued actions keep waiting unless `includeQueued`. */
  rejectAll(code: AmiErrorCode, reason: string, includeQueued: boolean): void {
    for (const entry of [...this.pending.values()]) {
      if (!entry.sent && !includeQueued) continue;
      if (code === AmiErrorCode.Disconnected && entry.sent) this.metrics.actionsDisconnected++;
      this.settle(
        entry,
        new AmiError(code, `${entry.name} (${entry.id}): ${reason}`, {
          actionId: entry.id,
          action: entry.name,
          sent: entry.sent,
        }),
      );
    }
  }

  private arm(entry: PendingAction): void {
    if (entry.timer) clearTimeout(entry.timer);
    if (!Number.isFinite(entry.timeoutMs)) return;
    entry.timer = setTimeout(() => {
      this.metrics.actionsTimedOut++;
      this.settle(
        entry,
        new AmiError(
          AmiErrorCode.Timeout,
          `${entry.name} (${entry.id}): no ${entry.list ? 'list event' : 'response'} within ${entry.timeoutMs} ms`,
          { actionId: entry.id, action: entry.name, sent: entry.sent },
        ),
      );
    }, entry.timeoutMs);
    entry.timer.unref();
  }

  private settle(entry: PendingAction, outcome: AmiResponse | AmiError, now?: number): void {
    if (entry.list) this.lists--;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    this.pending.delete(entry.id);
    if (!entry.sent) {
      const at = this.queue.indexOf(entry);
      if (at !== -1) this.queue.splice(at, 1);
    }
    if (outcome instanceof AmiError) {
      if (outcome.code === AmiErrorCode.ActionFailed) this.metrics.actionsFailed++;
      entry.reject(outcome);
    } else {
      this.metrics.actionsSucceeded++;
      if (now !== undefined && entry.sent) this.metrics.recordLatency(now - entry.sentAt);
      entry.resolve(outcome);
    }
  }
}
