import type { AmiMessage } from '@switchboard/ami';
import { describe, expect, it } from 'vitest';
import { CAPTURE_SPEED } from './helpers/call-scenarios.js';
import { parseCaptureIn, replay } from './helpers/capture-replay.js';
import { normalise } from './helpers/compare-sequences.js';
import { events, waitEvent } from './helpers/sim-client.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: 50 });

/** The channel's whole ordered story, dialplan events included; only the random RTP ssrc is masked. */
function story(messages: AmiMessage[]): string[] {
  return messages
    .filter((m) => m.type === 'event' && m.get('Channel')?.startsWith('PJSIP/'))
    .map((m) =>
      [
        m.name,
        m.get('ChannelState'),
        m.get('Variable'),
        m.get('Value')?.replace(/^ssrc=\d+/, 'ssrc=#'),
        m.get('Application'),
        m.get('AppData'),
        m.get('Cause'),
        ...['Disposition', 'Duration', 'BillableSeconds', 'LastApplication', 'CallerID'].map((h) => m.get(h)),
      ]
        .filter((x) => x !== undefined)
        .join(' | '),
    );
}

describe('a call arriving from a SIP peer', () => {
  it('sip-inbound-call: one PJSIP channel, the dialplan of sip-in, the caller hangs up after 3 s', async () => {
    const s = await sims.start({ speed: CAPTURE_SPEED, seed: 1 });
    const client = await replay(s.port, 'sip-inbound-call', CAPTURE_SPEED, async (data, c) => {
      if (!data.startsWith('Action: Logoff')) return;
      await c.waitFor((m) => m.some((x) => x.name === 'SuccessfulAuth'));
      // The capture's SIPp UAC sends its BYE 3007 ms after the INVITE.
      s.inboundCall({ from: 'sipp', to: 'service', hangupAfterMs: 3007 });
    });
    const got = client.messages.filter((m) => m.type !== 'banner');
    const want = parseCaptureIn('sip-inbound-call');
    expect(normalise(got)).toEqual(normalise(want));
    expect(story(got)).toEqual(story(want));
  });

  it('ends with the dialplan (SoftHangupRequest, Cause 16) and names channels per technology', async () => {
    const c = await sims.adminClient({
      seed: 2,
      extensions: { 'sip-in': { short: [['Answer'], ['Wait', '1'], ['Hangup']] } },
    });
    const sim = sims.sim;
    expect(sim.inboundCall({ to: 'nosuchexten' })).toBeUndefined();
    const call = sim.inboundCall({ to: 'short', callerIdNum: '15551230000', callerIdName: 'Alice' })!;
    expect(call.channel).toBe('PJSIP/sipp-00000001');
    const hangup = await waitEvent(c, 'Hangup');
    expect(hangup.get('Cause')).toBe('16');
    expect(events(c, 'SoftHangupRequest')).toHaveLength(1);
    expect(events(c, 'HangupRequest')).toHaveLength(0);
    expect((await waitEvent(c, 'Cdr')).get('CallerID')).toBe('"Alice" <15551230000>');
    expect(events(c, 'Newchannel')).toHaveLength(1);
  });

  it('takes scheduled inbound calls from the scenario', async () => {
    const c = await sims.adminClient({
      speed: 100,
      seed: 3,
      inboundCalls: [{ from: 'sipp', to: 'service', atMs: 30_000, hangupAfterMs: 2000 }],
    });
    const hangup = await waitEvent(c, 'Hangup');
    expect([hangup.get('Channel'), hangup.get('Cause')]).toEqual(['PJSIP/sipp-00000001', '0']);
  });

  it('lets the test hang up as the SIP peer (BYE): Cause 0 after the RTP statistics', async () => {
    const c = await sims.adminClient({ seed: 4 });
    const sim = sims.sim;
    const call = sim.inboundCall()!;
    await waitEvent(c, 'Newstate');
    call.hangup();
    const hangup = await waitEvent(c, 'Hangup');
    expect([hangup.get('Channel'), hangup.get('Cause')]).toEqual([call.channel, '0']);
    const names = c.messages.filter((m) => m.type === 'event').map((m) => m.get('Variable') ?? m.name);
    expect(names.indexOf('RTPAUDIOQOSMES')).toBeLessThan(names.indexOf('HangupRequest'));
    expect(sim.engine.channels.size).toBe(0);
  });
});
