import { afterEach, describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import { SimClock } from '../src/sim-clock.js';
import type { RawClient } from './helpers/capture-replay.js';
import { events, loggedIn, request } from './helpers/sim-client.js';

let sim: PbxSimulator | undefined;
let client: RawClient | undefined;
afterEach(async () => {
  client?.close();
  await sim?.stop();
});

describe('SimClock', () => {
  it('stands still between events and moves to each timer’s nominal due time', async () => {
    const clock = new SimClock(1000, 0);
    const seen: number[] = [];
    await new Promise<void>((resolve) => {
      clock.after(1400, () => {
        seen.push(clock.now());
        // Real work done here must not count: the next step still starts at 1400.
        const until = performance.now() + 5;
        while (performance.now() < until);
        clock.after(2950, () => {
          seen.push(clock.now());
          resolve();
        });
      });
    });
    expect(seen).toEqual([1400, 4350]);
  });

  it('fires timers in nominal due order even when the event loop ran late', async () => {
    const clock = new SimClock(100, 0);
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      clock.after(100, () => {
        order.push('a');
        // The next step of this flow is due before c, but is only created now, after c's real deadline.
        void Promise.resolve().then(() => clock.after(10, () => order.push('b')));
      });
      clock.after(120, () => {
        order.push('c');
        resolve();
      });
      // A busy loop: by the time timers run, every real deadline (1 ms, 1.2 ms) has long passed.
      const until = performance.now() + 30;
      while (performance.now() < until);
    });
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('sync() moves it up to real time times the speed, and it never goes back', async () => {
    const clock = new SimClock(50, 1000);
    expect(clock.now()).toBe(1000);
    const first = clock.sync();
    await new Promise((r) => setTimeout(r, 5));
    expect(clock.now()).toBe(first);
    const second = clock.sync();
    expect(second).toBeGreaterThanOrEqual(first + 200);
    expect(clock.sync()).toBeGreaterThanOrEqual(second);
  });
});

describe('call durations at a high speed factor', () => {
  it('record (Answer, 1.40 s + 2.95 s of Playback) bills 4 s as in the capture, not 5', async () => {
    sim = await new PbxSimulator({ port: 0, speed: 50, seed: 9 }).start();
    client = await loggedIn(sim.port);
    await request(client, {
      Action: 'Originate',
      ActionID: 'rec',
      Channel: 'Local/record@test',
      Context: 'test',
      Exten: 'long',
      Priority: '1',
      Async: 'true',
    });
    await client.waitFor(() => events(client!, 'Cdr').some((m) => m.get('Channel')!.endsWith(';2')), 15_000);
    const callee = events(client, 'Cdr').find((m) => m.get('Channel')!.endsWith(';2'))!;
    expect([callee.get('Disposition'), callee.get('BillableSeconds')]).toEqual(['ANSWERED', '4']);
  });
});
