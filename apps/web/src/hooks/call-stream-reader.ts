import { createParser } from 'eventsource-parser';
import type { AuthorizedFetch } from '../api/authorized-fetch';
import { ApiError } from '../api/api-error';

export type CallStreamState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface CallStreamReaderOptions {
  fetch: AuthorizedFetch;
  /** e.g. `/api/calls/stream?tenantId=…` */
  path: string;
  signal: AbortSignal;
  /** Each `call` event: its parsed JSON and its id. */
  onCall: (call: unknown, id: string | undefined) => void;
  onState: (state: CallStreamState, error?: unknown) => void;
  /** Milliseconds to wait before reconnect attempt `attempt` (1, 2, …). */
  retryDelay?: (attempt: number) => number;
}

/** 1 s, 2 s, 4 s … up to 30 s between reconnect attempts. */
export const backoffDelay = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** A 4xx other than 408/429 will not get better by retrying (bad tenant, signed out, forbidden). */
const isPermanent = (error: unknown) =>
  error instanceof ApiError &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 408 &&
  error.status !== 429;

/**
 * Reads the SSE call stream with the bearer key (EventSource cannot send it), and reconnects with backoff
 * after a drop, sending `Last-Event-ID` so the server replays what was missed. Resolves when `signal` aborts
 * or the server refuses the stream for good.
 */
export async function readCallStream(options: CallStreamReaderOptions): Promise<void> {
  const { signal, retryDelay = backoffDelay } = options;
  let lastEventId: string | undefined;
  let attempt = 0;
  while (!signal.aborted) {
    options.onState(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      const response = await options.fetch(options.path, { headers, signal, cache: 'no-store' });
      if (!response.body) throw new Error('The call stream answered without a body');
      options.onState('open');
      attempt = 0;
      const parser = createParser({
        onEvent(event) {
          if (event.id !== undefined) lastEventId = event.id;
          if (event.event !== 'call') return;
          try {
            options.onCall(JSON.parse(event.data) as unknown, event.id);
          } catch {
            // a malformed event is skipped; the next one still applies
          }
        },
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted) break;
      if (isPermanent(error)) {
        options.onState('stopped', error);
        return;
      }
    }
    if (signal.aborted) break;
    attempt += 1;
    options.onState('reconnecting');
    await wait(retryDelay(attempt), signal);
  }
  options.onState('stopped');
}
