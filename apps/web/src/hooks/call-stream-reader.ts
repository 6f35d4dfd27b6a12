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
  /** Give up on a connection whose answer has not started after this long, and reconnect. */
  connectTimeoutMs?: number;
  /** Reconnect when nothing (not even the server's 15 s keepalive) arrived for this long. */
  idleTimeoutMs?: number;
}

export const CONNECT_TIMEOUT_MS = 10_000;
export const IDLE_TIMEOUT_MS = 45_000;

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
 * after a drop, sending `Last-Event-ID` so the server replays what was missed. A connection that does not
 * answer within `connectTimeoutMs`, or goes quiet for `idleTimeoutMs`, is dropped and made again. Resolves
 * when `signal` aborts or the server refuses the stream for good.
 */
export async function readCallStream(options: CallStreamReaderOptions): Promise<void> {
  const {
    signal,
    retryDelay = backoffDelay,
    connectTimeoutMs = CONNECT_TIMEOUT_MS,
    idleTimeoutMs = IDLE_TIMEOUT_MS,
  } = options;
  let lastEventId: string | undefined;
  let attempt = 0;
  while (!signal.aborted) {
    options.onState(attempt === 0 ? 'connecting' : 'reconnecting');
    // one connection: ends with the page (signal), or when it hangs before answering or goes quiet
    const connection = new AbortController();
    const abortConnection = () => connection.abort();
    signal.addEventListener('abort', abortConnection, { once: true });
    let watchdog = setTimeout(abortConnection, connectTimeoutMs);
    const stillAlive = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(abortConnection, idleTimeoutMs);
    };
    // a fetch or read that ignores the abort still ends the wait
    const aborted = new Promise<never>((_, reject) => {
      connection.signal.addEventListener('abort', () => reject(new Error('connection dropped')), {
        once: true,
      });
    });
    aborted.catch(() => undefined);
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      const response = await Promise.race([
        options.fetch(options.path, { headers, signal: connection.signal, cache: 'no-store' }),
        aborted,
      ]);
      if (!response.body) throw new Error('The call stream answered without a body');
      stillAlive();
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
      connection.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), {
        once: true,
      });
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), aborted]);
        if (done) break;
        stillAlive();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted) break;
      if (isPermanent(error)) {
        options.onState('stopped', error);
        return;
      }
    } finally {
      clearTimeout(watchdog);
      signal.removeEventListener('abort', abortConnection);
      connection.abort();
    }
    if (signal.aborted) break;
    attempt += 1;
    options.onState('reconnecting');
    await wait(retryDelay(attempt), signal);
  }
  options.onState('stopped');
}
