import { Injectable } from '@nestjs/common';
import type { CallView } from './calls.dto.js';

export interface CallStreamMessage {
  /** Increasing per process; the SSE `id`, echoed back as `Last-Event-ID` to resume. */
  id: number;
  tenantId: string;
  call: CallView;
}

type Listener = (message: CallStreamMessage) => void;

/**
 * Fans call changes out to live subscribers, per tenant, and keeps the last `capacity` messages so a client
 * that reconnects with `Last-Event-ID` gets what it missed (when it is still held).
 */
@Injectable()
export class CallStreamHub {
  private readonly capacity = 5000;
  private readonly recent: CallStreamMessage[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private sequence = 0;

  publish(tenantId: string, call: CallView): void {
    const message = { id: ++this.sequence, tenantId, call };
    this.recent.push(message);
    if (this.recent.length > this.capacity) this.recent.splice(0, this.recent.length - this.capacity);
    for (const listener of this.listeners.get(tenantId) ?? []) listener(message);
  }

  /** Subscribes to a tenant's changes, first replaying those after `lastEventId`; answers the unsubscribe. */
  subscribe(tenantId: string, lastEventId: number | undefined, listener: Listener): () => void {
    if (lastEventId !== undefined) {
      for (const message of this.recent) {
        if (message.id > lastEventId && message.tenantId === tenantId) listener(message);
      }
    }
    let set = this.listeners.get(tenantId);
    if (!set) this.listeners.set(tenantId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(tenantId);
    };
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
