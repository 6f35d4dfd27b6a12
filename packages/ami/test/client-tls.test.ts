import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AmiErrorCode } from '../src/index.js';
import { clientFor, startServer } from './helpers/client-fixture.js';

// A self-signed test certificate for 127.0.0.1 (valid until 2126), used only by these tests.
const here = path.dirname(fileURLToPath(import.meta.url));
const key = readFileSync(path.join(here, 'helpers/tls-test-key.pem'));
const cert = readFileSync(path.join(here, 'helpers/tls-test-cert.pem'));

describe('AmiClient over TLS', () => {
  it('logs in and runs actions over a verified TLS connection', async () => {
    const server = await startServer({ tls: { key, cert } });
    const client = clientFor(server, { tls: { ca: cert } });
    await client.connect();
    expect(client.banner).toBe('Asterisk Call Manager/11.0.0');
    expect((await client.action({ Action: 'Ping' })).get('Ping')).toBe('Pong');
  });

  it('refuses a server whose certificate it does not trust', async () => {
    const server = await startServer({ tls: { key, cert } });
    const client = clientFor(server, { tls: true, reconnect: false });
    await expect(client.connect()).rejects.toMatchObject({ code: AmiErrorCode.ConnectFailed });
    expect(server.actions).toHaveLength(0);
  });
});
