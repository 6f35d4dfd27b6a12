import { afterEach, describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import { firstSuffix, parseCaptureIn, replay } from './helpers/capture-replay.js';
import { dialplanStories, headerShapes } from './helpers/capture-shapes.js';

const SPEED = 10;

/** Call scenarios: beyond the per-channel key headers, every header order and every dialplan event. */
const SCENARIOS = [
  'originate-answered',
  'originate-application',
  'originate-busy',
  'originate-congestion',
  'originate-noanswer',
  'originate-invalid',
  'originate-sync',
  'hangup-action',
  'record',
  'dial-answer',
  'dial-busy',
  'dial-noanswer',
  'active-call-status',
];

let sim: PbxSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('capture replay: header orders and dialplan events (Newexten, VarSet) per channel', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario} matches`, async () => {
      sim = await new PbxSimulator({
        port: 0,
        speed: SPEED,
        seed: 1,
        firstLocalSuffix: firstSuffix(scenario),
      }).start();
      const client = await replay(sim.port, scenario, SPEED);
      const want = parseCaptureIn(scenario);
      expect(headerShapes(client.messages)).toEqual(headerShapes(want));
      expect(dialplanStories(client.messages)).toEqual(dialplanStories(want));
    });
  }
});
