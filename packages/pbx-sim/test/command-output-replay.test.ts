import { afterEach, describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import { loadRaw, replay } from './helpers/capture-replay.js';
import { maskVolatile, splitMessages } from './helpers/strict-compare.js';

const SPEED = 10;

let sim: PbxSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('command-output replay (byte for byte, clock and host values masked)', () => {
  it('answers every action of the capture with the same bytes, in the same order', async () => {
    sim = await new PbxSimulator({ port: 0, speed: SPEED, seed: 1 }).start();
    const client = await replay(sim.port, 'command-output', SPEED);
    const got = splitMessages(client.raw).map(maskVolatile);
    const want = splitMessages(loadRaw('command-output')).map(maskVolatile);
    expect(got).toEqual(want);
  });
});
