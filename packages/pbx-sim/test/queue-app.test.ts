import { describe, expect, it } from 'vitest';
import type { PbxSimOptions } from '../src/index.js';
import type { RawClient } from './helpers/capture-replay.js';
import { events, request, waitEvent } from './helpers/sim-client.js';
import { useSimFixture } from './helpers/sim-fixture.js';

const sims = useSimFixture({ speed: 50, seed: 6 });

async function queueCall(options: PbxSimOptions = {}): Promise<RawClient> {
  const c = await sims.adminClient(options);
  await request(c, {
    Action: 'Originate',
    ActionID: 'q',
    Channel: 'Local/queue@test',
    Application: 'Wait',
    Data: '60',
    Async: 'true',
  });
  return c;
}

const names = (c: RawClient, klass: string): string[] =>
  c.messages.filter((m) => m.get('Privilege') === `${klass},all`).map((m) => m.name);

describe('Queue() of the captures dialplan (testqueue, member Local/queue-member@test)', () => {
  it('joins, calls the member, connects, and completes when the member hangs up', async () => {
    const c = await queueCall();
    const complete = await waitEvent(c, 'AgentComplete', () => true, 15_000);
    await waitEvent(c, 'QueueCallerLeave');
    expect(names(c, 'agent')).toEqual([
      'QueueCallerJoin',
      'AgentCalled',
      'QueueCallerLeave',
      'AgentConnect',
      'AgentComplete',
    ]);
    const join = events(c, 'QueueCallerJoin')[0]!;
    expect([join.get('Channel'), join.get('Queue'), join.get('Position'), join.get('Count')]).toEqual([
      'Local/queue@test-00000000;2',
      'testqueue',
      '1',
      '1',
    ]);
    expect([complete.get('DestChannel'), complete.get('Interface'), complete.get('Reason')]).toEqual([
      'Local/queue-member@test-00000001;1',
      'Local/queue-member@test',
      'agent',
    ]);
    // The member plays hello-world (1.4 s) then waits 1 s: 2 s of talk.
    expect(complete.get('TalkTime')).toBe('2');
    const header = complete.fields.filter((_v, i) => i % 2 === 0);
    expect(header.slice(-6)).toEqual(['Queue', 'MemberName', 'Interface', 'HoldTime', 'TalkTime', 'Reason']);
    expect(events(c, 'DialEnd', (m) => m.get('DialStatus') === 'ANSWER')).toHaveLength(2);
    // The caller answered before Queue(): the member's answer does not answer it a second time.
    const callerUp = events(c, 'Newstate', (m) => m.get('Channel') === 'Local/queue@test-00000000;2');
    expect(callerUp).toHaveLength(1);
  });

  it('times out when the member does not answer, then the caller goes on', async () => {
    const c = await queueCall({
      queues: { testqueue: { members: ['Local/noanswer@test'] } },
    });
    const ring = await waitEvent(c, 'AgentRingNoAnswer', () => true, 15_000);
    expect(ring.get('RingTime')).toBe('20');
    await waitEvent(c, 'QueueCallerLeave');
    expect(names(c, 'agent')).toEqual([
      'QueueCallerJoin',
      'AgentCalled',
      'AgentRingNoAnswer',
      'QueueCallerLeave',
    ]);
  });
});
