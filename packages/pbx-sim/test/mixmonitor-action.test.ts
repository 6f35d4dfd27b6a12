import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import type { RawClient } from './helpers/capture-replay.js';
import { loggedIn, request, waitEvent } from './helpers/sim-client.js';

let sim: PbxSimulator | undefined;
let client: RawClient | undefined;
let dir = '';
afterEach(async () => {
  client?.close();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const headers = (m: { fields: readonly string[] }): string[] => m.fields.filter((_v, i) => i % 2 === 0);

describe('MixMonitor / StopMixMonitor actions (app_mixmonitor.c manager_mixmonitor)', () => {
  it('answer Success with no Message, and the errors of app_mixmonitor', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pbx-sim-mixmon-'));
    sim = await new PbxSimulator({ port: 0, speed: 50, seed: 8, monitorDir: dir }).start();
    const c = (client = await loggedIn(sim.port));
    await request(c, {
      Action: 'Originate',
      ActionID: 'o',
      Channel: 'Local/long@test',
      Application: 'Wait',
      Data: '60',
      Async: 'true',
    });
    const channel = (await waitEvent(c, 'OriginateResponse')).get('Channel')!;
    let n = 0;
    const ask = (fields: Record<string, string>) => request(c, { ActionID: `m${n++}`, ...fields });

    expect((await ask({ Action: 'MixMonitor', File: 'x.wav' })).get('Message')).toBe('No channel specified');
    expect(
      (await ask({ Action: 'MixMonitor', Channel: 'Local/nope-1;1', File: 'x.wav' })).get('Message'),
    ).toBe('No such channel');
    expect((await ask({ Action: 'MixMonitor', Channel: channel })).get('Message')).toBe(
      'Could not start monitoring channel',
    );
    expect((await ask({ Action: 'StopMixMonitor', Channel: channel })).get('Message')).toBe(
      'Could not stop monitoring channel',
    );
    const started = await ask({ Action: 'MixMonitor', Channel: channel, File: 'call.wav' });
    expect(headers(started)).toEqual(['Response', 'ActionID']);
    const stopped = await ask({ Action: 'StopMixMonitor', Channel: channel });
    expect(headers(stopped)).toEqual(['Response', 'ActionID']);
    expect(stopped.get('Response')).toBe('Success');
  });
});
