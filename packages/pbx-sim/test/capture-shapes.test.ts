import { describe, expect, it } from 'vitest';
import { CALL_SCENARIOS, CAPTURE_SPEED, replayOnSimulator } from './helpers/call-scenarios.js';
import { parseCaptureIn } from './helpers/capture-replay.js';
import { dialplanStories, headerShapes } from './helpers/capture-shapes.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: CAPTURE_SPEED, seed: 1 });

describe('capture replay: header orders and dialplan events (Newexten, VarSet) per channel', () => {
  // Beyond the per-channel key headers, every header order and every dialplan event.
  for (const scenario of CALL_SCENARIOS) {
    it(`${scenario} matches`, async () => {
      const client = await replayOnSimulator(sims, scenario);
      const want = parseCaptureIn(scenario);
      expect(headerShapes(client.messages)).toEqual(headerShapes(want));
      expect(dialplanStories(client.messages)).toEqual(dialplanStories(want));
    });
  }
});
