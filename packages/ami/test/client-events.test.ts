import { describe, expect, it } from 'vitest';
import {
  isAmiEvent,
  type AmiEvent,
  type GenericAmiEvent,
  type HangupEvent,
  type Subscription,
} from '../src/index.js';
import { clientFor, startServer, waitFor } from './helpers/client-fixture.js';
import { msg, response } from './helpers/mock-ami-server.js';

const hangup = (n: number): string =>
  msg({
    Event: 'Hangup',
    Privilege: 'call,all',
    Channel: `Local/x-${n};1`,
    Uniqueid: `1.${n}`,
    Cause: 16,
    'Cause-txt': 'Normal Clearing',
  });

describe('AmiClient events', () => {
  it('delivers typed events with repeated headers as arrays, tagged with the server name', async () => {
    const server = await startServer();
    const client = clientFor(server, { name: 'pbx-east' });
    const got: HangupEvent[] = [];
    client.onEvent('Hangup', (e) => void got.push(e));
    await client.connect();
    server.broadcast(
      msg({
        Event: 'Newchannel',
        Privilege: 'call,all',
        Channel: 'Local/a;1',
        ChanVariable: ['A=1', 'B=2'],
      }) + hangup(1),
    );
    await waitFor(() => got.length === 1);
    expect(got[0]).toMatchObject({
      Event: 'Hangup',
      Cause: '16',
      'Cause-txt': 'Normal Clearing',
      $server: 'pbx-east',
    });
  });

  it('keeps every repeated ChanVariable value and narrows with isAmiEvent', async () => {
    const server = await startServer();
    const client = clientFor(server);
    const all: AmiEvent[] = [];
    client.subscribe((e) => void all.push(e));
    await client.connect();
    server.broadcast(msg({ Event: 'Newchannel', Channel: 'Local/a;1', ChanVariable: ['A=1', 'B=2', 'C=3'] }));
    await waitFor(() => all.length === 2);
    const event = all[1]!;
    expect(isAmiEvent(event, 'Newchannel')).toBe(true);
    if (isAmiEvent(event, 'Newchannel')) expect(event.ChanVariable).toEqual(['A=1', 'B=2', 'C=3']);
  });

  it('decodes UTF-8 split across TCP reads', async () => {
    const server = await startServer();
    const client = clientFor(server);
    const names: string[] = [];
    client.onEvent('NewCallerid', (e) => void names.push(e.CallerIDName));
    await client.connect();
    const bytes = Buffer.from(msg({ Event: 'NewCallerid', CallerIDName: 'Zoë 日本' }), 'utf8');
    const cut = bytes.indexOf(Buffer.from('日', 'utf8')) + 1; // inside the 3-byte character
    const socket = server.sessions[0]!.socket;
    socket.write(bytes.subarray(0, cut));
    await new Promise((r) => setTimeout(r, 20));
    socket.write(bytes.subarray(cut));
    await waitFor(() => names.length === 1);
    expect(names).toEqual(['Zoë 日本']);
  });

  it('keeps events intact after later reads reuse the read buffer', async () => {
    const server = await startServer();
    const client = clientFor(server, { name: 'pbx' });
    const held: GenericAmiEvent[] = [];
    client.subscribe((e) => void held.push(e)); // kept, headers not read until the end
    await client.connect();
    const first = msg({ Event: 'Newchannel', Channel: 'PJSIP/first-00000001', Uniqueid: '1700000000.1' });
    const split = Buffer.from(msg({ Event: 'Hangup', Channel: 'PJSIP/split-00000002', CallerIDName: 'Zoë' }));
    const cut = split.indexOf(Buffer.from('ë')) + 1; // inside the 2-byte character
    const socket = server.sessions[0]!.socket;
    socket.write(Buffer.concat([Buffer.from(first), split.subarray(0, cut)]));
    await new Promise((r) => setTimeout(r, 20));
    // Later reads fill the same buffer with other bytes.
    const filler = Array.from({ length: 400 }, (_, i) => hangup(i)).join('');
    socket.write(Buffer.concat([split.subarray(cut), Buffer.from(filler)]));
    await waitFor(() => held.length === 403);
    expect({ ...held[1] }).toEqual({
      Event: 'Newchannel',
      Channel: 'PJSIP/first-00000001',
      Uniqueid: '1700000000.1',
      $server: 'pbx',
    });
    expect([held[2]!.Channel, held[2]!['CallerIDName']]).toEqual(['PJSIP/split-00000002', 'Zoë']);
    expect(held[402]!.Uniqueid).toBe('1.399');
  });

  it('never blocks on a slow subscriber: buffers it up to a bound, reports overflow, others get everything', async () => {
    const server = await startServer();
    const client = clientFor(server);
    const fast: string[] = [];
    client.subscribe((e) => void fast.push(e.Event), { filter: ['Hangup'] });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowGot: string[] = [];
    const slow = client.subscribe(
      async (e) => {
        slowGot.push(e.Uniqueid as string);
        await gate;
      },
      { filter: ['Hangup'], maxBuffered: 10 },
    );
    const overflows: [Subscription, number][] = [];
    client.on('overflow', (s, dropped) => overflows.push([s, dropped]));
    await client.connect();
    server.broadcast(Array.from({ length: 25 }, (_, i) => hangup(i)).join(''));
    await waitFor(() => fast.length === 25);
    expect(slow.lag).toBe(10);
    expect(slow.dropped).toBe(14);
    expect(client.metrics.dispatchDropped).toBe(14);
    expect(client.metrics.dispatchMaxBacklog).toBe(10);
    expect(overflows.at(-1)).toEqual([slow, 14]);
    release();
    await waitFor(() => slowGot.length === 11);
    expect(slowGot).toEqual(Array.from({ length: 11 }, (_, i) => `1.${i}`));
    expect(slow.lag).toBe(0);
  });

  it('reports a throwing listener through the error event and keeps dispatching', async () => {
    const server = await startServer();
    const client = clientFor(server);
    const errors: Error[] = [];
    client.on('error', (e) => errors.push(e));
    const seen: string[] = [];
    client.onEvent('Hangup', () => {
      throw new Error('listener bug');
    });
    client.onEvent('Hangup', (e) => void seen.push(e.Uniqueid));
    await client.connect();
    server.broadcast(hangup(1) + hangup(2));
    await waitFor(() => seen.length === 2);
    expect(errors.map((e) => e.message)).toEqual(['listener bug', 'listener bug']);
    expect(client.metrics.listenerErrors).toBe(2);
  });

  it('stops delivering after unsubscribe', async () => {
    const server = await startServer();
    const client = clientFor(server);
    const seen: string[] = [];
    const off = client.onEvent('Hangup', (e) => void seen.push(e.Uniqueid));
    await client.connect();
    server.broadcast(hangup(1));
    await waitFor(() => seen.length === 1);
    off();
    server.broadcast(hangup(2));
    await client.action({ Action: 'Ping' });
    expect(seen).toEqual(['1.1']);
  });

  it('tags events from several PBXs with their own server names', async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const clientA = clientFor(a, { name: 'pbx-a' });
    const clientB = clientFor(b, { name: 'pbx-b' });
    const seen: string[] = [];
    for (const c of [clientA, clientB])
      c.onEvent('Hangup', (e) => void seen.push(`${e.$server}:${e.Uniqueid}`));
    await Promise.all([clientA.connect(), clientB.connect()]);
    a.broadcast(hangup(1));
    b.broadcast(hangup(2));
    await waitFor(() => seen.length === 2);
    expect(seen.sort()).toEqual(['pbx-a:1.1', 'pbx-b:1.2']);
  });

  it('passes the Filter action through as given', async () => {
    const server = await startServer();
    server.on('Filter', (a) => response(a, { Message: 'Filter Added Successfully' }));
    const client = clientFor(server);
    await client.connect();
    const r = await client.action({ Action: 'Filter', Operation: 'Add', Filter: 'Event: Hangup' });
    expect(r.get('Message')).toBe('Filter Added Successfully');
    expect(server.actions.at(-1)!.get('Filter')).toBe('Event: Hangup');
  });
});
