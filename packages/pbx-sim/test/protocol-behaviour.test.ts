import { describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import { RawClient } from './helpers/capture-replay.js';
import { action, events, loggedIn, md5, request, waitEvent } from './helpers/sim-client.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: 20, seed: 7 });

describe('AMI protocol', () => {
  it('sends the banner at once and answers Permission denied before login, keeping the socket', async () => {
    const s = await sims.start();
    const c = await RawClient.open(s.port);
    sims.closeAfter(c);
    c.send(action({ Action: 'Ping', ActionID: 'p1' }));
    await c.waitFor((m) => m.length >= 2);
    expect(c.messages[0]!.type).toBe('banner');
    expect(c.messages[0]!.name).toBe('Asterisk Call Manager/11.0.0');
    expect(c.messages[1]!.get('Message')).toBe('Permission denied');
    expect(c.closed).toBe(false);
  });

  it('fails a bad login after the configured delay, then closes', async () => {
    const s = await sims.start({ loginFailureDelayMs: 300 });
    const c = await RawClient.open(s.port);
    sims.closeAfter(c);
    const t0 = Date.now();
    c.send(action({ Action: 'Login', Username: 'admin', Secret: 'nope', ActionID: 'l' }));
    await c.waitClosed();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(c.messages[1]!.get('Message')).toBe('Authentication failed');
  });

  it('accepts an MD5 login against the challenge it issued', async () => {
    const s = await sims.start();
    const c = await RawClient.open(s.port);
    sims.closeAfter(c);
    const chal = await request(c, { Action: 'Challenge', AuthType: 'MD5', ActionID: 'c' });
    expect(chal.get('Challenge')).toMatch(/^\d+$/);
    expect(chal.has('Message')).toBe(false);
    const ok = await request(c, {
      Action: 'Login',
      AuthType: 'MD5',
      Username: 'admin',
      Key: md5(chal.get('Challenge')! + 'amp111'),
      ActionID: 'l',
    });
    expect(ok.get('Message')).toBe('Authentication accepted');
    await waitEvent(c, 'SuccessfulAuth');
    expect(events(c, 'FullyBooted')).toHaveLength(1);
  });

  it('gives the same challenge sequence for the same seed', () => {
    const a = new PbxSimulator({ seed: 42 });
    const b = new PbxSimulator({ seed: 42 });
    expect([a.ids.challenge(), a.ids.uuid()]).toEqual([b.ids.challenge(), b.ids.uuid()]);
  });

  it('answers an unknown action like Asterisk, with a RequestBadFormat event', async () => {
    const s = await sims.start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    const r = await request(c, { Action: 'NoSuchAction', ActionID: 'x' });
    expect(r.get('Message')).toBe(
      'Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands.',
    );
    expect((await waitEvent(c, 'RequestBadFormat')).get('RequestType')).toBe('Action: NoSuchAction');
  });

  it('runs Command with one Output header per line, and module reload raises Reload', async () => {
    const s = await sims.start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    const v = await request(c, { Action: 'Command', Command: 'core show version', ActionID: 'v' });
    expect(v.get('Output')).toMatch(/^Asterisk 22\.10\.1/);
    const ch = await request(c, { Action: 'Command', Command: 'core show channels', ActionID: 'ch' });
    expect(ch.getAll('Output').slice(1)).toEqual([
      '0 active channels',
      '0 active calls',
      '0 calls processed',
    ]);
    const bad = await request(c, { Action: 'Command', Command: 'foo bar baz', ActionID: 'b' });
    expect(bad.get('Response')).toBe('Error');
    await request(c, { Action: 'Command', Command: 'module reload', ActionID: 'r' });
    expect((await waitEvent(c, 'Reload')).get('Module')).toBe('All');
  });

  it('lets the readonly user Ping but not Originate, and shows it no system events', async () => {
    const s = await sims.start();
    const c = await loggedIn(s.port, 'readonly', 'readonly111');
    sims.closeAfter(c);
    expect(
      (await request(c, { Action: 'Originate', Channel: 'Local/answer@test', ActionID: 'o' })).get('Message'),
    ).toBe('Permission denied');
    expect((await request(c, { Action: 'Ping', ActionID: 'p' })).get('Ping')).toBe('Pong');
    expect(events(c, 'FullyBooted')).toHaveLength(0);
  });

  it('holds a sync Originate until answer and fails it with Originate failed', async () => {
    const s = await sims.start();
    const c = await loggedIn(s.port);
    sims.closeAfter(c);
    const ok = await request(c, {
      Action: 'Originate',
      Channel: 'Local/answer-delayed@test',
      Context: 'test',
      Exten: 'long',
      Priority: '1',
      Async: 'false',
      ActionID: 's1',
    });
    const at = c.messages.indexOf(ok);
    expect(ok.get('Message')).toBe('Originate successfully queued');
    // Everything raised while the response was held (Newchannel ... DialEnd) follows it.
    expect(c.messages.slice(0, at).some((m) => m.name === 'Newchannel')).toBe(false);
    expect(c.messages.slice(at).some((m) => m.name === 'DialEnd' && m.get('DialStatus') === 'ANSWER')).toBe(
      true,
    );
    expect(events(c, 'OriginateResponse')).toHaveLength(0);
    const bad = await request(c, {
      Action: 'Originate',
      Channel: 'Local/busy@test',
      Exten: 'long',
      Context: 'test',
      ActionID: 's2',
    });
    expect(bad.get('Message')).toBe('Originate failed');
  });

  it('applies the Events mask and a regex Filter', async () => {
    const s = await sims.start();
    const c = await loggedIn(s.port, 'admin', 'amp111', 'off');
    sims.closeAfter(c);
    await request(c, { Action: 'Filter', Operation: 'Add', Filter: 'Event: Hangup', ActionID: 'f' });
    expect((await request(c, { Action: 'Events', EventMask: 'call', ActionID: 'e' })).get('Events')).toBe(
      'On',
    );
    await request(c, {
      Action: 'Originate',
      Channel: 'Local/busy@test',
      Exten: 'long',
      Context: 'test',
      Async: 'true',
      ActionID: 'o',
    });
    await c.waitFor(() => events(c, 'Hangup').length === 2);
    const names = new Set(c.messages.filter((m) => m.type === 'event').map((m) => m.name));
    expect([...names].sort()).toEqual(['Hangup', 'HangupRequest']);
  });
});
