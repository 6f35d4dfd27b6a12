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

const strict = (raw: string): string[] => splitMessages(raw).map(maskVolatile);

describe('PJSIP captures replayed byte for byte (clock and host values masked)', () => {
  it('pjsip-endpoints: endpoint, aor, auth lists and details of the captured pjsip.conf', async () => {
    sim = await new PbxSimulator({ port: 0, speed: SPEED, seed: 1 }).start();
    const client = await replay(sim.port, 'pjsip-endpoints', SPEED);
    expect(strict(client.raw)).toEqual(strict(loadRaw('pjsip-endpoints')));
  });

  it('pjsip-register: 1001 registers (challenge, auth, reachable), is listed, then un-registers', async () => {
    sim = await new PbxSimulator({ port: 0, speed: SPEED, seed: 1 }).start();
    const s = sim;
    const client = await replay(sim.port, 'pjsip-register', SPEED, async (data, c) => {
      // The SIPp phone of the capture: REGISTER after the first PJSIPShowContacts, un-REGISTER before Logoff.
      if (data.includes('ActionID: contacts-2')) {
        await c.waitFor((m) => m.some((x) => x.get('ActionID') === 'contacts-1'));
        s.registerContact('1001', {
          uri: 'sip:1001@127.0.0.1:5062',
          callId: '1-15420@127.0.0.1',
          expires: 120,
        });
      } else if (data.startsWith('Action: Logoff')) {
        await c.waitFor((m) => m.some((x) => x.name === 'InboundRegistrationDetailComplete'));
        s.unregisterContact('1001', { callId: '1-15421@127.0.0.1' });
      }
    });
    expect(strict(client.raw)).toEqual(strict(loadRaw('pjsip-register')));
  });
});
