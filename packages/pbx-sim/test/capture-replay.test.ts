import { afterEach, describe, expect, it } from 'vitest';
import { PbxSimulator } from '../src/index.js';
import { normalise } from './helpers/compare-sequences.js';
import { firstSuffix, parseCaptureIn, replay, RawClient } from './helpers/capture-replay.js';

const SPEED = 10;

/** Every call scenario of the captures that the simulator supports, replayed from its own `out` records. */
const SCENARIOS = [
  'login-plain-ok',
  'login-bad-secret',
  'login-unknown-user',
  'login-md5-bad-key',
  'action-before-login',
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
  'events-filter',
  'active-call-status',
];

let sim: PbxSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('capture replay (per-channel comparison with Asterisk 22.10.1)', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario} matches`, async () => {
      sim = await new PbxSimulator({
        port: 0,
        speed: SPEED,
        seed: 1,
        firstLocalSuffix: firstSuffix(scenario),
      }).start();
      const client = await replay(sim.port, scenario, SPEED);
      const got = normalise(client.messages.filter((m) => m.type !== 'banner'));
      const want = normalise(parseCaptureIn(scenario));
      expect(got).toEqual(want);
    });
  }

  it('readonly-user matches (a helper session places the call, as in the capture)', async () => {
    sim = await new PbxSimulator({ port: 0, speed: SPEED, seed: 1, firstLocalSuffix: 0x2a }).start();
    const port = sim.port;
    let helper: RawClient | undefined;
    const client = await replay(port, 'readonly-user', SPEED, async (data) => {
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
