import { describe, expect, it } from 'vitest';
import { AmiErrorCode, isAmiError } from '../src/index.js';
import { clientFor, startServer } from './helpers/client-fixture.js';
import { errorResponse, msg, response } from './helpers/mock-ami-server.js';

describe('AmiClient actions', () => {
  it('correlates 1000 concurrent actions answered out of order', async () => {
    const server = await startServer();
    // Answer each Getvar after a random delay, so responses come back shuffled.
    server.on('Getvar', async (a) => {
      await new Promise((r) => setTimeout(r, Math.random() * 20));
      return response(a, { Variable: a.get('Variable')!, Value: `value-of-${a.get('Variable')}` });
    });
    const client = clientFor(server);
    await client.connect();
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => client.action({ Action: 'Getvar', Variable: `v${i}` })),
    );
    results.forEach((r, i) => expect(r.get('Value')).toBe(`value-of-v${i}`));
    const ids = server.actions.filter((a) => a.name === 'Getvar').map((a) => a.get('ActionID'));
    expect(new Set(ids).size).toBe(1000);
    expect(client.metrics.pendingActions).toBe(0);
    expect(client.metrics.actionLatency.count).toBeGreaterThanOrEqual(1000);
  });

  it('keeps a caller-supplied ActionID and refuses one already pending', async () => {
    const server = await startServer();
    server.on('Slow', async (a) => {
      await new Promise((r) => setTimeout(r, 50));
      return response(a);
    });
    const client = clientFor(server);
    await client.connect();
    const first = client.action({ Action: 'Slow', ActionID: 'mine-1' });
    await expect(client.action({ Action: 'Slow', ActionID: 'mine-1' })).rejects.toMatchObject({
      code: AmiErrorCode.InvalidValue,
    });
    expect((await first).get('ActionID')).toBe('mine-1');
  });

  it("rejects with AMI_ERR_ACTION_FAILED carrying Asterisk's Message", async () => {
    const server = await startServer();
    server.on('Hangup', (a) => errorResponse(a, 'No such channel'));
    const client = clientFor(server);
    await client.connect();
    const error = await client.action({ Action: 'Hangup', Channel: 'Local/x' }).catch((e: unknown) => e);
    expect(isAmiError(error, AmiErrorCode.ActionFailed)).toBe(true);
    expect(error).toMatchObject({ amiMessage: 'No such channel', action: 'Hangup', sent: true });
  });

  it('answers an unknown action with the failure Asterisk gives', async () => {
    const server = await startServer();
    const client = clientFor(server);
    await client.connect();
    await expect(client.action({ Action: 'NoSuchAction' })).rejects.toMatchObject({
      code: AmiErrorCode.ActionFailed,
      amiMessage: expect.stringContaining('Invalid/unknown command') as unknown,
    });
  });

  it('collects event lists whatever the ActionID position, and does not dispatch their items', async () => {
    const server = await startServer();
    server.on('CoreShowChannels', (a) => {
      const id = a.get('ActionID')!;
      return [
        response(a, { EventList: 'start', Message: 'Channels will follow' }),
        msg({ Event: 'CoreShowChannel', ActionID: id, Channel: 'Local/long@test-00000015;1' }),
        msg({ Event: 'Newstate', Privilege: 'call,all', Channel: 'Other/1' }),
        msg({ Event: 'CoreShowChannel', ActionID: id, Channel: 'Local/long@test-00000015;2' }),
        msg({ Event: 'CoreShowChannelsComplete', ActionID: id, EventList: 'Complete', ListItems: 2 }),
      ];
    });
    server.on('Status', (a) => {
      const id = a.get('ActionID')!;
      return [
        response(a, { EventList: 'start', Message: 'Channel status will follow' }),
        msg({ Event: 'Status', Privilege: 'Call', Channel: 'Local/long@test-00000015;1', ActionID: id }),
        msg({ Event: 'StatusComplete', ActionID: id, EventList: 'Complete', ListItems: 1, Items: 1 }),
      ];
    });
    const client = clientFor(server);
    const dispatched: string[] = [];
    client.subscribe((e) => void dispatched.push(e.Event));
    await client.connect();
    const channels = await client.action({ Action: 'CoreShowChannels' });
    expect(channels.isList).toBe(true);
    expect(channels.events.map((e) => e.get('Channel'))).toEqual([
      'Local/long@test-00000015;1',
      'Local/long@test-00000015;2',
    ]);
    expect(channels.complete?.get('ListItems')).toBe('2');
    const status = await client.action({ Action: 'Status' });
    expect(status.events).toHaveLength(1);
    expect(status.complete?.get('Items')).toBe('1');
    expect(dispatched).toEqual(['FullyBooted', 'Newstate']);
  });

  it('returns Command output lines', async () => {
    const server = await startServer();
    server.on('Command', (a) =>
      response(a, {
        Message: 'Command output follows',
        Output: ['Asterisk 22.10.1 built by root', 'padded   '],
      }),
    );
    const client = clientFor(server);
    await client.connect();
    expect(await client.command('core show version')).toEqual([
      'Asterisk 22.10.1 built by root',
      'padded   ',
    ]);
  });

  it('times out with AMI_ERR_TIMEOUT and counts it; a late response is ignored', async () => {
    const server = await startServer();
    server.on('Slow', async (a) => {
      await new Promise((r) => setTimeout(r, 150));
      return response(a);
    });
    const client = clientFor(server);
    await client.connect();
    await expect(client.action({ Action: 'Slow' }, { timeout: 30 })).rejects.toMatchObject({
      code: AmiErrorCode.Timeout,
      sent: true,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(client.metrics.actionsTimedOut).toBe(1);
    expect(client.metrics.unmatchedResponses).toBe(1);
    expect((await client.action({ Action: 'Ping' })).get('Ping')).toBe('Pong');
  });

  it('rejects every pending action with AMI_ERR_DISCONNECTED when the connection drops mid-action', async () => {
    const server = await startServer();
    server.on('Slow', () => undefined);
    const client = clientFor(server, { reconnect: false });
    await client.connect();
    const pending = Array.from({ length: 5 }, () => client.action({ Action: 'Slow' }));
    await new Promise((r) => setTimeout(r, 20));
    server.dropAll();
    for (const p of pending)
      await expect(p).rejects.toMatchObject({ code: AmiErrorCode.Disconnected, sent: true });
    expect(client.metrics.actionsDisconnected).toBe(5);
  });

  it('writes nothing for an action with CR/LF in a value', async () => {
    const server = await startServer();
    const client = clientFor(server);
    await client.connect();
    const before = server.actions.length;
    await expect(
      client.action({ Action: 'Setvar', Variable: 'X', Value: 'a\r\nAction: Originate' }),
    ).rejects.toMatchObject({ code: AmiErrorCode.InvalidValue });
    await client.action({ Action: 'Ping' });
    expect(server.actions.slice(before).map((a) => a.name)).toEqual(['Ping']);
  });
});
