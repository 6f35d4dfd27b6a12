import { describe, expect, it } from 'vitest';
import type { AuthorizedFetch } from '../api/authorized-fetch';
import { sseBody } from './call-fixtures';
import { readCallStream, type CallStreamState } from './call-stream-reader';

const event = (id: number, status: string) => `id: ${id}\nevent: call\ndata: {"status":"${status}"}\n\n`;

/** Runs the reader against scripted connections until `until` says stop; answers what it saw. */
async function run(
  connections: Array<(init: RequestInit) => Promise<Response>>,
  options: { connectTimeoutMs?: number; idleTimeoutMs?: number },
  until: (calls: unknown[]) => boolean,
) {
  const controller = new AbortController();
  const requests: RequestInit[] = [];
  const calls: unknown[] = [];
  const states: CallStreamState[] = [];
  const fetch: AuthorizedFetch = (_path, init = {}) => {
    requests.push(init);
    const next = connections[Math.min(requests.length, connections.length) - 1]!;
    return next(init);
  };
  const done = readCallStream({
    fetch,
    path: '/api/calls/stream',
    signal: controller.signal,
    retryDelay: () => 0,
    ...options,
    onCall: (call) => {
      calls.push(call);
      if (until(calls)) controller.abort();
    },
    onState: (state) => states.push(state),
  });
  await done;
  return { requests, calls, states };
}

const never = () => new Promise<Response>(() => undefined);
const lastEventIdOf = (init: RequestInit) => new Headers(init.headers).get('last-event-id');

describe('readCallStream', () => {
  it('drops a connection that does not answer and connects again', async () => {
    const { requests, calls, states } = await run(
      [never, () => Promise.resolve(sseBody([event(1, 'ringing')]))],
      { connectTimeoutMs: 20 },
      (seen) => seen.length === 1,
    );
    expect(requests).toHaveLength(2);
    expect(calls).toEqual([{ status: 'ringing' }]);
    expect(states).toEqual(['connecting', 'reconnecting', 'reconnecting', 'open', 'stopped']);
  });

  it('reconnects a connection gone quiet, resuming after the last event', async () => {
    const { requests, calls } = await run(
      [
        () => Promise.resolve(sseBody([event(4, 'ringing')])),
        () => Promise.resolve(sseBody([event(5, 'answered')])),
      ],
      { idleTimeoutMs: 30 },
      (seen) => seen.length === 2,
    );
    expect(calls).toEqual([{ status: 'ringing' }, { status: 'answered' }]);
    expect(lastEventIdOf(requests[1]!)).toBe('4');
  });
});
