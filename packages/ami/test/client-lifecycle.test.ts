import { describe, expect, it } from 'vitest';
import { AmiErrorCode } from '../src/index.js';
import { clientFor, startServer, waitForState } from './helpers/client-fixture.js';

/** Live handles by type, as Node reports them (sockets, timers, ...). */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

describe('AmiClient lifecycle', () => {
  it('leaves no socket or timer behind after 1000 connect/close cycles', async () => {
    const server = await startServer();
    const before = handles();
    for (let i = 0; i < 1000; i++) {
      const client = clientFor(server, { keepalive: { interval: 10_000, timeout: 1000 } });
      await client.connect();
      await client.action({ Action: 'Ping' });
      await client.close();
      expect(client.state).toBe('closed');
    }
    await new Promise((r) => setTimeout(r, 50));
    const after = handles();
    expect(after['TCPSocketWrap'] ?? 0).toBeLessThanOrEqual(before['TCPSocketWrap'] ?? 0);
    expect(after['Timeout'] ?? 0).toBeLessThanOrEqual(before['Timeout'] ?? 0);
    expect(server.actions.filter((a) => a.name === 'Logoff')).toHaveLength(1000);
  });

  it('close() during a reconnect wait clears the timer and rejects connect()', async () => {
    const server = await startServer();
    const port = server.port;
    await server.stop();
    const client = clientFor(server, { port, reconnect: { initialDelay: 60_000 } });
    const connecting = client.connect();
    await waitForState(client, 'reconnecting');
    const before = handles()['Timeout'] ?? 0;
    await client.close();
    await expect(connecting).rejects.toMatchObject({ code: AmiErrorCode.Closed });
    expect(handles()['Timeout'] ?? 0).toBeLessThan(before);
    expect(client.state).toBe('closed');
  });

  it('rejects actions after close with AMI_ERR_NOT_READY', async () => {
    const server = await startServer();
    const client = clientFor(server);
    await client.connect();
    await client.close();
    await expect(client.action({ Action: 'Ping' })).rejects.toMatchObject({ code: AmiErrorCode.NotReady });
  });

  it('can connect again after close', async () => {
    const server = await startServer();
    const client = clientFor(server);
    await client.connect();
    await client.close();
    await client.connect();
    expect((await client.action({ Action: 'Ping' })).get('Ping')).toBe('Pong');
  });
});
