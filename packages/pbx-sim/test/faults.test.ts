import { describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import { action, events, loggedIn, request, waitEvent } from './helpers/sim-client.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: 50, seed: 5 });
const start = () => sims.start();

describe('faults', () => {
  it('drops every connection', async () => {
    const s = await start();
    const a = await loggedIn(s.port);
    const b = await loggedIn(s.port);
    sims.closeAfter(a, b);
    s.dropConnections();
    await a.waitClosed();
    await b.waitClosed();
  });

  it('goes silent (half-open): the socket stays up but nothing answers', async () => {
    const s = await start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    s.setSilent(true);
    const before = c.messages.length;
    c.send(action({ Action: 'Ping', ActionID: 'p' }));
    await new Promise((r) => setTimeout(r, 150));
    expect(c.messages.length).toBe(before);
    expect(c.closed).toBe(false);
    s.setSilent(false);
    expect((await request(c, { Action: 'Ping', ActionID: 'p2' })).get('Ping')).toBe('Pong');
  });

  it('delays responses', async () => {
    const s = await start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    s.setResponseDelay(200);
    const t0 = Date.now();
    await request(c, { Action: 'Ping', ActionID: 'p' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(180);
  });

  it('restarts: Shutdown event, close, new banner on the same port, Uniqueids continue', async () => {
    const s = await start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    const first = await (async () => {
      await request(c, {
        Action: 'Originate',
        Channel: 'Local/answer@test',
        Context: 'test',
        Exten: 'long',
        Async: 'true',
        ActionID: 'o1',
      });
      return (await waitEvent(c, 'Newchannel')).get('Uniqueid')!;
    })();
    await s.restart(50);
    const shutdown = events(c, 'Shutdown')[0]!;
    expect([shutdown.get('Shutdown'), shutdown.get('Restart')]).toEqual(['Cleanly', 'True']);
    await c.waitClosed();
    const d = await loggedIn(s.port);
    sims.closeAfter(d);
    expect(d.messages[0]!.name).toBe('Asterisk Call Manager/11.0.0');
    await request(d, {
      Action: 'Originate',
      Channel: 'Local/answer@test',
      Context: 'test',
      Exten: 'long',
      Async: 'true',
      ActionID: 'o2',
    });
    const next = (await waitEvent(d, 'Newchannel')).get('Uniqueid')!;
    expect(Number(next.split('.')[1])).toBeGreaterThan(Number(first.split('.')[1]));
  });

  it('sends garbage bytes a client parser must survive', async () => {
    const s = await start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    const before = c.messages.length;
    s.sendGarbage();
    await c.waitFor((m) => m.length > before);
    expect(c.messages.at(-1)!.type).toBe('unknown');
  });

  it('floods N calls per second with full event sequences', async () => {
    const s = await start();
    const c = await loggedIn(s.port, 'admin', 'amp111', 'call');
    sims.closeAfter(c);
    s.flood(200);
    await c.waitFor(() => events(c, 'OriginateResponse').length >= 40, 10_000);
    s.stopFlood();
    const ok = events(c, 'OriginateResponse').every((m) => m.get('Reason') === '4');
    expect(ok).toBe(true);
    await c.waitFor(() => events(c, 'Hangup').length >= 80, 10_000);
  });

  it('leaves no handle behind after many start/connect/stop cycles', async () => {
    for (let i = 0; i < 10; i++) {
      const s = await new PbxSimulator({ port: 0, speed: 50 }).start();
      const c = await loggedIn(s.port);
      await request(c, {
        Action: 'Originate',
        Channel: 'Local/long@test',
        Context: 'test',
        Exten: 'long',
        Async: 'true',
        ActionID: 'o',
      });
      await s.stop();
      await c.waitClosed();
      expect(s.clock.pendingTimers).toBe(0);
      expect(s.connectionCount).toBe(0);
    }
  });
});
