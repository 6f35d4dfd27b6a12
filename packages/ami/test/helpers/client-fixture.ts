import { afterEach } from 'vitest';
import { AmiClient, type AmiClientOptions, type AmiClientState } from '../../src/index.js';
import { MockAmiServer, type MockServerOptions } from './mock-ami-server.js';

const servers: MockAmiServer[] = [];
const clients: AmiClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

export async function startServer(options?: MockServerOptions): Promise<MockAmiServer> {
  const server = await new MockAmiServer(options).start();
  servers.push(server);
  return server;
}

/** A client for `server` with test-friendly defaults (no keepalive, fast reconnect); closed after each test. */
export function clientFor(server: MockAmiServer, options: Partial<AmiClientOptions> = {}): AmiClient {
  const client = new AmiClient({
    port: server.port,
    username: 'admin',
    secret: 'amp111',
    keepalive: false,
    reconnect: { initialDelay: 10, maxDelay: 50, jitter: 0 },
    connectTimeout: 2000,
    actionTimeout: 2000,
    ...options,
  });
  clients.push(client);
  return client;
}

/** Resolves when the client next enters `state` (or at once if it is there). */
export function waitForState(client: AmiClient, state: AmiClientState): Promise<void> {
  if (client.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const onState = (next: AmiClientState): void => {
      if (next !== state) return;
      client.off('state', onState);
      resolve();
    };
    client.on('state', onState);
  });
}

export function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('condition not met in time'));
      else setTimeout(tick, 5);
    };
    tick();
  });
}
