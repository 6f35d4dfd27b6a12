import { describe, expect, it } from 'vitest';
import type { RawClient } from './helpers/capture-replay.js';
import { events, request, waitEvent } from './helpers/sim-client.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: 50, seed: 4 });

async function originate(c: RawClient, id: string, channel: string) {
  await request(c, {
    Action: 'Originate',
    ActionID: id,
    Channel: channel,
    Context: 'test',
    Exten: 'long',
    Priority: '1',
    CallerID: '"Bob" <15550001111>',
    Async: 'true',
  });
  return waitEvent(c, 'OriginateResponse', (m) => m.get('ActionID') === id, 15_000);
}

const story = (c: RawClient, channel: string): string[] =>
  c.messages
    .filter((m) => m.type === 'event' && (m.get('Channel') ?? m.get('DestChannel')) === channel)
    .filter((m) => !['Newexten', 'VarSet', 'Cdr', 'OriginateResponse'].includes(m.name))
    .map((m) =>
      [m.name, m.get('ChannelState'), m.get('DialStatus'), m.get('Cause')].filter(Boolean).join(' '),
    );

describe('Originate to a PJSIP endpoint with a contact', () => {
  it('creates one PJSIP channel (no Local pair) that runs the requested extension', async () => {
    const c = await sims.adminClient();
    const r = await originate(c, 'o1', 'PJSIP/uas');
    expect([r.get('Response'), r.get('Reason'), r.get('Channel')]).toEqual([
      'Success',
      '4',
      'PJSIP/uas-00000001',
    ]);
    await waitEvent(c, 'Cdr');
    expect(events(c, 'Newchannel').map((m) => m.get('Channel'))).toEqual(['PJSIP/uas-00000001']);
    expect(events(c, 'LocalBridge')).toHaveLength(0);
    expect(story(c, 'PJSIP/uas-00000001')).toEqual([
      'Newchannel 0',
      'NewCallerid 0',
      'NewConnectedLine 0',
      'DialBegin',
      'Newstate 5',
      'DialState RINGING',
      'Newstate 6',
      'DialEnd ANSWER',
      'SoftHangupRequest 6 16',
      'Hangup 6 16',
    ]);
    const cdr = events(c, 'Cdr')[0]!;
    expect([cdr.get('Destination'), cdr.get('Disposition'), cdr.get('BillableSeconds')]).toEqual([
      'long',
      'ANSWERED',
      '10',
    ]);
  });

  it('reaches a phone once it has registered', async () => {
    const c = await sims.adminClient();
    expect((await originate(c, 'before', 'PJSIP/1001')).get('Response')).toBe('Failure');
    sims.sim.registerContact('1001');
    const r = await originate(c, 'after', 'PJSIP/1001');
    expect([r.get('Response'), r.get('Channel')]).toEqual(['Success', 'PJSIP/1001-00000001']);
  });

  it('takes the peer behaviour from the route of the number (busy at a trunk)', async () => {
    const c = await sims.adminClient({ endpoints: { trunk: true } });
    const r = await originate(c, 'b', 'PJSIP/+15551234486@trunk');
    expect([r.get('Response'), r.get('Reason'), r.get('Channel')]).toEqual([
      'Failure',
      '5',
      'PJSIP/+15551234486@trunk',
    ]);
    await waitEvent(c, 'Cdr');
    expect(story(c, 'PJSIP/trunk-00000001')).toEqual([
      'Newchannel 0',
      'NewCallerid 0',
      'NewConnectedLine 0',
      'DialBegin',
      'DialEnd BUSY',
      'Hangup 0 17',
    ]);
    expect(events(c, 'Cdr')[0]!.get('Disposition')).toBe('BUSY');
  });
});
