import { describe, expect, it } from 'vitest';
import { CALL_SCENARIOS, CAPTURE_SPEED, replayOnSimulator } from './helpers/call-scenarios.js';
import { normalise } from './helpers/compare-sequences.js';
import { parseCaptureIn, replay, RawClient } from './helpers/capture-replay.js';
import { useSimFixture } from './helpers/sim-fixture.js';

/** Every scenario of the captures that the simulator supports, replayed from its own `out` records. */
const SCENARIOS = [
  'login-plain-ok',
  'login-bad-secret',
  'login-unknown-user',
  'login-md5-bad-key',
  'action-before-login',
  ...CALL_SCENARIOS,
  'events-filter',
];

const sims = useSimFixture({ speed: CAPTURE_SPEED, seed: 1 });

describe('capture replay (per-channel comparison with Asterisk 22.10.1)', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario} matches`, async () => {
      const client = await replayOnSimulator(sims, scenario);
      const got = normalise(client.messages.filter((m) => m.type !== 'banner'));
      const want = normalise(parseCaptureIn(scenario));
      expect(got).toEqual(want);
    });
  }

  it('readonly-user matches (a helper session places the call, as in the capture)', async () => {
    const { port } = await sims.start({ firstLocalSuffix: 0x2a });
    let helper: RawClient | undefined;
    const client = await replay(port, 'readonly-user', CAPTURE_SPEED, async (data) => {
      if (!data.startsWith('Action: Logoff') || helper) return;
      helper = await RawClient.open(port);
      helper.send('Action: Login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: off\r\n\r\n');
      helper.send(
        'Action: Originate\r\nActionID: helper-orig-1\r\nChannel: Local/answer@test\r\nContext: test\r\nExten: long\r\nPriority: 1\r\nCallerID: "Test" <15551234567>\r\nAsync: true\r\n\r\n',
      );
    });
    helper?.close();
    const got = normalise(client.messages.filter((m) => m.type !== 'banner'));
    expect(got).toEqual(normalise(parseCaptureIn('readonly-user')));
  });
});
