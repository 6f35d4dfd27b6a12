import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSocket, READ_BUFFER_SIZE } from '../src/client/transport.js';

const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that writes `parts` to each connection, pausing between them so each arrives as its own read. */
async function serve(parts: Buffer[]): Promise<number> {
  const server = net.createServer((socket) => {
    const next = (i: number): void => {
      if (i === parts.length) socket.end();
      else socket.write(parts[i]!, () => setTimeout(() => next(i + 1), 20));
    };
    next(0);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('openSocket', () => {
  it('reads plain TCP into one reused buffer and hands each read over as a view of it', async () => {
    const parts = [
      Buffer.from('first read\r\n'),
      Buffer.alloc(3 * READ_BUFFER_SIZE, 'x'),
      Buffer.from('last'),
    ];
    const port = await serve(parts);
    const backing = new Set<ArrayBufferLike>();
    const received: Buffer[] = [];
    let largest = 0;
    const socket = await openSocket({
      host: '127.0.0.1',
      port,
      tls: false,
      timeout: 1000,
      tcpKeepAlive: 0,
      onData: (chunk) => {
        backing.add(chunk.buffer);
        largest = Math.max(largest, chunk.length);
        received.push(Buffer.from(chunk)); // a copy: the view is overwritten by the next read
      },
    });
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Buffer.concat(received).equals(Buffer.concat(parts))).toBe(true);
    expect(received.length).toBeGreaterThanOrEqual(5);
    expect(backing.size).toBe(1);
    expect(largest).toBeLessThanOrEqual(READ_BUFFER_SIZE);
  });
});
