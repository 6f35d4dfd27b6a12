import { firstSuffix, replay, type RawClient } from './capture-replay.js';
import type { SimFixture } from './sim-fixture.js';

/** The speed captures are replayed at. */
export const CAPTURE_SPEED = 10;

/** The captured call scenarios the simulator supports. */
export const CALL_SCENARIOS = [
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

/** Replays a capture's `out` records on the test's simulator, its Local channels numbered as in the capture. */
export async function replayOnSimulator(sims: SimFixture, scenario: string): Promise<RawClient> {
  const sim = await sims.start({ firstLocalSuffix: firstSuffix(scenario) });
  return replay(sim.port, scenario, CAPTURE_SPEED);
}
