import { Injectable } from '@nestjs/common';
import type { CallRow } from '../db/database.types.js';
import { toCallView, type CallView } from './calls.dto.js';

export interface CallStreamMessage {
  /** The row's `change_seq` (one database sequence for every change): the SSE `id`, echoed as `Last-Event-ID`. */
  id: number;
  tenantId: string;
  call: CallView;
}

type Listener = (message: CallStreamMessage) => void;

/**
 * Fans call changes out to live subscribers, per tenant, and keeps the last `capacity` messages so a client
 * that reconnects with `Last-Event-ID` gets what it missed from memory when it is still held (`covers`);
 * CallStreamService falls back to the database otherwise.
 */
@Injectable()
export class CallStreamHub {
  private readonly capacity = 5000;
  private readonly recent: CallStreamMessage[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Ids up to this one may have been dropped from memory: the first held minus one, or the largest evicted. */
  private floor: number | undefined;

  /** Publishes a call row just written (its `change_seq` is the message id). */
  publish(row: CallRow): void {
    const message = { id: Number(row.change_seq), tenantId: row.tenant_id, call: toCallView(row) };
    this.floor ??= message.id - 1;
    this.recent.push(message);
    if (this.recent.length > this.capacity) {
      for (const evicted of this.recent.splice(0, this.recent.length - this.capacity)) {
        this.floor = Math.max(this.floor, evicted.id);
      }
    }
    for (const listener of this.listeners.get(row.tenant_id) ?? []) listener(message);
  }

  /** Whether every change after `lastEventId` that this process published is still in memory. */
  covers(lastEventId: number): boolean {
    return this.floor !== undefined && lastEventId >= this.floor;
  }

  /** Subscribes to a tenant's changes, first replaying those held after `lastEventId`; answers the unsubscribe. */
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
