import http from 'node:http';
import { expect } from 'vitest';

export interface SseEvent {
  id: string;
  data: any;
}

/**
 * A client of `GET /api/calls/stream` on a listening app: collects the `call` events as they come; `until`
 * waits (event-driven) for the collected events to satisfy a condition.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  /** Resolves once the server has answered (`: connected`): changes from then on are sent. */
  readonly opened: Promise<void>;
  private readonly request: http.ClientRequest;
  private waiters: Array<{
    done: (events: SseEvent[]) => boolean;
    resolve: (events: SseEvent[]) => void;
    reject: (err: Error) => void;
  }> = [];
  private closed = false;
  private failure: Error | undefined;

  constructor(port: number, key: string, lastEventId?: string) {
    let opened!: () => void;
    this.opened = new Promise<void>((resolve) => (opened = resolve));
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    this.request = http.get({ host: '127.0.0.1', port, path: '/api/calls/stream', headers }, (response) => {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/event-stream');
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.startsWith(': connected')) opened();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) {
            this.events.push({ id, data: JSON.parse(data) });
            this.check();
          }
        }
      });
    });
    this.request.on('error', (err) => {
      if (this.closed) return;
      this.failure = err;
      for (const waiter of this.waiters.splice(0)) waiter.reject(err);
    });
  }

  /** The events collected so far once `done` holds for them. */
  until(done: (events: SseEvent[]) => boolean): Promise<SseEvent[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (done(this.events)) return Promise.resolve([...this.events]);
    return new Promise((resolve, reject) => this.waiters.push({ done, resolve, reject }));
  }

  close(): void {
    this.closed = true;
    this.request.destroy();
  }

  private check(): void {
    const ready = this.waiters.filter((w) => w.done(this.events));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve([...this.events]);
  }
}

/** Reads Server-Sent Events until `done` says so (or `done` is a count of `call` events); answers them. */
export function readEvents(
  port: number,
  key: string,
  done: number | ((seen: SseEvent[]) => boolean),
  lastEventId?: string,
): { events: Promise<SseEvent[]>; opened: Promise<void> } {
  const client = new SseClient(port, key, lastEventId);
  const events = client
    .until(typeof done === 'number' ? (seen) => seen.length >= done : done)
    .finally(() => client.close());
  return { events, opened: client.opened };
}
