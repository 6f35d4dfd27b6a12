import { afterEach, describe, expect, it, vi } from 'vitest';
import { AmiErrorCode, backoffDelay, defaultReconnectOptions } from '../src/index.js';
import { clientFor, startServer, waitFor, waitForState } from './helpers/client-fixture.js';
import { response } from './helpers/mock-ami-server.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and spreads by ±jitter', () => {
    const options = { ...defaultReconnectOptions, initialDelay: 100, maxDelay: 1000, factor: 2, jitter: 0.2 };
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, mid))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelay(1, options, () => 0)).toBe(160);
    expect(backoffDelay(1, options, () => 0.999999)).toBe(240);
    expect(backoffDelay(10, options, () => 0.999999)).toBe(1000);
  });
});

describe('AmiClient reconnect', () => {
  it('reconnects with capped exponential backoff (fake timers), logs in again and signals reconnected', async () => {
    const server = await startServer();
    const port = server.port;
    const client = clientFor(server, {
      reconnect: { initialDelay: 1000, maxDelay: 4000, factor: 2, jitter: 0 },
    });
    await client.connect();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let reconnected = 0;
    client.on('reconnected', () => reconnected++);
    await server.stop();
    await waitForState(client, 'reconnecting');
    const attemptsAt: number[] = [];
    const start = Date.now();
    client.on('state', (s) => {
      if (s === 'connecting') attemptsAt.push(Date.now() - start);
    });
    // Nothing listens: each attempt is refused and the next waits longer, up to the cap.
    for (const delay of [1000, 2000, 4000, 4000]) {
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(client.state).toBe('reconnecting');
      await vi.advanceTimersByTimeAsync(1);
      await waitForState(client, 'reconnecting');
    }
    expect(attemptsAt).toEqual([1000, 3000, 7000, 11000]);
    await server.start(port);
    await vi.advanceTimersByTimeAsync(4000);
    await waitForState(client, 'ready');
    expect(reconnected).toBe(1);
    expect(server.actions.filter((a) => a.name === 'Login')).toHaveLength(2); // the first login and the re-login
    expect(client.metrics.reconnects).toBe(1);
  });

  it('never resends an Originate: the pending one fails with AMI_ERR_DISCONNECTED, new ones fail while down', async () => {
    const server = await startServer();
    server.on('Originate', (a) => response(a, { Message: 'Originate successfully queued' }));
    const client = clientFor(server, { reconnect: { initialDelay: 100, jitter: 0 } });
    await client.connect();
    const call = client.originate({
      channel: 'Local/long@test',
      context: 'test',
      exten: 'long',
      timeout: 30000,
    });
    await waitFor(() => server.actions.some((a) => a.name === 'Originate'));
    server.dropAll();
    await expect(call).rejects.toMatchObject({ code: AmiErrorCode.Disconnected, sent: true });
    await waitForState(client, 'reconnecting');
    await expect(
      client.originate({ channel: 'Local/long@test', context: 'test', exten: 'long' }),
    ).rejects.toMatchObject({ code: AmiErrorCode.NotReady, sent: false });
    await expect(client.action({ Action: 'Originate', Channel: 'Local/x@test' })).rejects.toMatchObject({
      code: AmiErrorCode.NotReady,
    });
    await waitForState(client, 'ready');
    await client.action({ Action: 'Ping' });
    expect(server.actions.filter((a) => a.name === 'Originate')).toHaveLength(1);
  });

  it('holds other actions in a bounded offline queue and sends them once logged in again', async () => {
    const server = await startServer();
    const client = clientFor(server, { offlineQueueSize: 2, reconnect: { initialDelay: 100, jitter: 0 } });
    await client.connect();
    server.dropAll();
    await waitForState(client, 'reconnecting');
    const queued = [client.action({ Action: 'Ping' }), client.action({ Action: 'Ping' })];
    await expect(client.action({ Action: 'Ping' })).rejects.toMatchObject({ code: AmiErrorCode.QueueFull });
    expect(client.metrics.queuedActions).toBe(2);
    const answers = await Promise.all(queued);
    expect(answers.map((r) => r.get('Ping'))).toEqual(['Pong', 'Pong']);
  });

  it('detects a half-open connection by keepalive and reconnects', async () => {
    const server = await startServer();
    const client = clientFor(server, {
      keepalive: { interval: 30, timeout: 60 },
      reconnect: { initialDelay: 20, jitter: 0 },
    });
    await client.connect();
    const reconnected = new Promise<void>((resolve) => client.once('reconnected', resolve));
    server.stalled = true;
    await waitForState(client, 'reconnecting');
    expect(client.metrics.keepaliveFailures).toBe(1);
    server.stalled = false;
    await reconnected;
    expect(client.state).toBe('ready');
  });

  it('closes and reconnects when the peer sends an oversized message', async () => {
    const server = await startServer();
    const client = clientFor(server, { maxMessageSize: 4096, reconnect: { initialDelay: 20, jitter: 0 } });
    const errors: unknown[] = [];
    client.on('error', (e) => errors.push(e));
    await client.connect();
    const reconnected = new Promise<void>((resolve) => client.once('reconnected', resolve));
    server.broadcast('Event: Flood\r\n' + 'X: '.padEnd(100, 'x').concat('\r\n').repeat(100));
    await reconnected;
    expect(errors.some((e) => (e as { code?: string }).code === AmiErrorCode.MessageTooLarge)).toBe(true);
  });

  it('gives up after maxAttempts and rejects queued actions', async () => {
    const server = await startServer();
    const client = clientFor(server, { reconnect: { initialDelay: 5, maxAttempts: 2, jitter: 0 } });
    await client.connect();
    await server.stop();
    await waitForState(client, 'reconnecting');
    const queued = client.action({ Action: 'Ping' });
    await waitForState(client, 'closed');
    await expect(queued).rejects.toMatchObject({ code: AmiErrorCode.NotReady });
  });
});
