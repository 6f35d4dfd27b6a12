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
 * CallStreamService falls back to the database otherwise. A change may be published twice (written here and
 * announced by the database, CallStreamRelay) and a call's changes may come out of order (another instance's
 * read as it is now, then this one's older write returning): only a change newer than the last one sent of
 * its call is sent.
 */
@Injectable()
export class CallStreamHub {
  private readonly capacity = 5000;
  private readonly recent: CallStreamMessage[] = [];
  /** The id of the newest message sent of each call held in `recent`. */
  private readonly newest = new Map<string, number>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Ids up to this one may be missing from memory: the first held minus one, the largest evicted, or a gap. */
  private floor: number | undefined;

  /** Publishes a call row (its `change_seq` is the message id) unless that change or a newer one was sent. */
  publish(row: CallRow): boolean {
    const id = Number(row.change_seq);
    if (this.hasSeen(row.id, id)) return false;
    const message = { id, tenantId: row.tenant_id, call: toCallView(row) };
    this.floor ??= id - 1;
    this.newest.set(row.id, id);
    this.recent.push(message);
    if (this.recent.length > this.capacity) {
      for (const evicted of this.recent.splice(0, this.recent.length - this.capacity)) {
        this.floor = Math.max(this.floor, evicted.id);
        if (this.newest.get(evicted.call.id) === evicted.id) this.newest.delete(evicted.call.id);
      }
    }
    for (const listener of this.listeners.get(row.tenant_id) ?? []) listener(message);
    return true;
  }

  /** Whether the change `changeSeq` of the call, or a newer one, was sent (and is still held). */
  hasSeen(callId: string, changeSeq: number): boolean {
    return (this.newest.get(callId) ?? -1) >= changeSeq;
  }

  /**
   * Changes up to `changeSeq` may have been missed (the database's announcements were not received): from now
   * on a resume from before it is answered from the database.
   */
  markGap(changeSeq: number): void {
    this.floor = Math.max(this.floor ?? changeSeq, changeSeq);
  }

  /** Whether every change after `lastEventId` (this instance's, and the others' through the relay) is held. */
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
