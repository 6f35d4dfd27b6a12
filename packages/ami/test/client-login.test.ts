import { describe, expect, it } from 'vitest';
import { AmiErrorCode, type AmiEvent } from '../src/index.js';
import { clientFor, startServer } from './helpers/client-fixture.js';

describe('AmiClient login', () => {
  it('is ready only after a plain login succeeds, and keeps the events sent with the login reply', async () => {
    const server = await startServer();
    const client = clientFor(server, { name: 'pbx-a' });
    const events: AmiEvent[] = [];
    client.subscribe((e) => void events.push(e));
    const states: string[] = [];
    client.on('state', (s) => states.push(s));
    await client.connect();
    expect(client.state).toBe('ready');
    expect(states).toEqual(['connecting', 'authenticating', 'ready']);
    expect(client.banner).toBe('Asterisk Call Manager/11.0.0');
    const login = server.actions.find((a) => a.name === 'Login')!;
    expect(login.get('Secret')).toBe('amp111');
    expect(login.get('Events')).toBe('on');
    expect(events.map((e) => [e.Event, e.$server])).toEqual([['FullyBooted', 'pbx-a']]);
  });

  it('logs in with an MD5 challenge without sending the secret', async () => {
    const server = await startServer();
    const client = clientFor(server, { authType: 'md5' });
    await client.connect();
    const login = server.actions.find((a) => a.name === 'Login')!;
    expect(server.actions[0]!.name).toBe('Challenge');
    expect(login.get('AuthType')).toBe('MD5');
    expect(login.get('Key')).toBe('9d9092d0790aacca834825617cba8e98'); // md5("184830509" + "amp111"), as in the capture
    expect(login.has('Secret')).toBe(false);
  });

  it('fails with AMI_ERR_LOGIN_FAILED on a bad secret, ends closed and does not retry', async () => {
    const server = await startServer();
    const client = clientFor(server, { secret: 'wrong' });
    await expect(client.connect()).rejects.toMatchObject({
      code: AmiErrorCode.LoginFailed,
      amiMessage: 'Authentication failed',
    });
    expect(client.state).toBe('closed');
    expect(server.connections).toBe(1);
    expect(client.metrics.loginFailures).toBe(1);
  });

  it('fails with AMI_ERR_LOGIN_FAILED on a bad MD5 key', async () => {
    const server = await startServer({ secret: 'other' });
    const client = clientFor(server, { authType: 'md5' });
    await expect(client.connect()).rejects.toMatchObject({ code: AmiErrorCode.LoginFailed });
  });

  it('sends the Events mask given as event classes', async () => {
    const server = await startServer();
    const client = clientFor(server, { events: ['call', 'cdr'] });
    await client.connect();
    expect(server.actions.find((a) => a.name === 'Login')!.get('Events')).toBe('call,cdr');
  });

  it('refuses a secret with CR/LF before anything is sent', async () => {
    const server = await startServer();
    const client = clientFor(server, { secret: 'x\r\nAction: Originate', reconnect: false });
    await expect(client.connect()).rejects.toMatchObject({
      code: AmiErrorCode.InvalidValue,
      header: 'Secret',
    });
    expect(server.actions).toHaveLength(0);
  });

  it('rejects connect with AMI_ERR_CONNECT_FAILED when nothing listens and reconnect is off', async () => {
    const server = await startServer();
    const port = server.port;
    await server.stop();
    const client = clientFor(server, { port, reconnect: false });
    await expect(client.connect()).rejects.toMatchObject({ code: AmiErrorCode.ConnectFailed });
    expect(client.state).toBe('closed');
  });
});
