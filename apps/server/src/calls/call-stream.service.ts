import { Injectable } from '@nestjs/common';
import { toCallView } from './calls.dto.js';
import { CallStreamHub, type CallStreamMessage } from './call-stream.hub.js';
import { CallsRepository } from './calls.repository.js';

/** Most calls sent from the database to one resuming client (its oldest changes first). */
const RESUME_LIMIT = 10_000;

/**
 * The live stream of a tenant's call changes with `Last-Event-ID` resume: from memory while the hub still holds
 * every change after that id, else from the database (each call changed since, as it is now, by `change_seq`),
 * then live. Live changes that arrive while the database answers are held and sent after it, so none is lost;
 * one the database already answered with (or with a newer change of its call) is not sent again.
 */
@Injectable()
export class CallStreamService {
  constructor(
    private readonly hub: CallStreamHub,
    private readonly calls: CallsRepository,
  ) {}

  async subscribe(
    tenantId: string,
    lastEventId: number | undefined,
    listener: (message: CallStreamMessage) => void,
  ): Promise<() => void> {
    if (lastEventId === undefined || this.hub.covers(lastEventId)) {
      return this.hub.subscribe(tenantId, lastEventId, listener);
    }
    let held: CallStreamMessage[] | undefined = [];
    const unsubscribe = this.hub.subscribe(tenantId, undefined, (message) =>
      held ? held.push(message) : listener(message),
    );
    try {
      // The change of each call sent from the database; a live one held meanwhile goes only when newer.
      const sent = new Map<string, number>();
      for (const row of await this.calls.changedSince(tenantId, lastEventId, RESUME_LIMIT)) {
        const id = Number(row.change_seq);
        sent.set(row.id, id);
        listener({ id, tenantId, call: toCallView(row) });
      }
      for (const message of held) if (message.id > (sent.get(message.call.id) ?? -1)) listener(message);
      held = undefined;
      return unsubscribe;
    } catch (err) {
      unsubscribe();
      throw err;
    }
  }
}
