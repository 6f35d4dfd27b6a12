import { AmiError, AmiErrorCode } from '../errors.js';
import { toOriginateResult, type OriginateResult } from '../actions/originate.js';
import type { OriginateResponseEvent } from '../events/ami-event.js';

interface Waiter {
  ids: { actionId: string; channelId: string; otherChannelId: string };
  resolve: (result: OriginateResult) => void;
  reject: (error: AmiError) => void;
  timer: NodeJS.Timeout;
}

/** Originates waiting for their `OriginateResponse` event, by ActionID. */
export class OriginateWaiters {
  private readonly waiters = new Map<string, Waiter>();

  get size(): number {
    return this.waiters.size;
  }

  /** Registers before the action is sent, so an early OriginateResponse cannot be missed. */
  wait(ids: Waiter['ids'], timeoutMs: number): Promise<OriginateResult> {
    return new Promise<OriginateResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(ids.actionId);
        reject(
          new AmiError(
            AmiErrorCode.Timeout,
            `Originate (${ids.actionId}): no OriginateResponse within ${timeoutMs} ms`,
            { actionId: ids.actionId, action: 'Originate', sent: true },
          ),
        );
      }, timeoutMs);
      timer.unref();
      this.waiters.set(ids.actionId, { ids, resolve, reject, timer });
    });
  }

  /** Settles the matching waiter, if any. */
  onEvent(event: OriginateResponseEvent): void {
    const actionId = event.ActionID;
    const waiter = actionId === undefined ? undefined : this.waiters.get(actionId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter.ids.actionId);
    waiter.resolve(toOriginateResult(event, waiter.ids));
  }

  /** Fails one waiter (its Originate was refused or never sent). */
  fail(actionId: string, error: AmiError): void {
    const waiter = this.waiters.get(actionId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(actionId);
    waiter.reject(error);
  }

  /** The connection is gone: the outcome will never be reported on it. The call itself may go on. */
  rejectAll(code: AmiErrorCode, reason: string): void {
    for (const waiter of [...this.waiters.values()]) {
      this.fail(
        waiter.ids.actionId,
        new AmiError(code, `Originate (${waiter.ids.actionId}): ${reason}; the call's outcome is unknown`, {
          actionId: waiter.ids.actionId,
          action: 'Originate',
          sent: true,
        }),
      );
    }
  }
}
