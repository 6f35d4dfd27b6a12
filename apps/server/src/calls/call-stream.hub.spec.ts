import { describe, expect, it } from 'vitest';
import { callRow } from '../../test/helpers/call-rows.js';
import { CallStreamHub, type CallStreamMessage } from './call-stream.hub.js';

function subscribed(hub: CallStreamHub, tenantId = 'tenant-1', lastEventId?: number): CallStreamMessage[] {
  const seen: CallStreamMessage[] = [];
  hub.subscribe(tenantId, lastEventId, (message) => seen.push(message));
  return seen;
}

const sent = (seen: CallStreamMessage[]) => seen.map((m) => [m.call.id, m.id, m.call.status]);

describe('CallStreamHub', () => {
  it('sends a change published twice (written here, then announced by the database) once', () => {
    const hub = new CallStreamHub();
    const seen = subscribed(hub);
    const row = callRow({ change_seq: '7' });
    expect(hub.publish(row)).toBe(true);
    expect(hub.publish({ ...row })).toBe(false);
    expect(sent(seen)).toEqual([['call-1', 7, 'dialing']]);
    // Held once too: a resume replays it once.
    expect(sent(subscribed(hub, 'tenant-1', 0))).toEqual([['call-1', 7, 'dialing']]);
  });

  it("never sends a call's older change after a newer one; other calls are not affected", () => {
    const hub = new CallStreamHub();
    const seen = subscribed(hub);
    hub.publish(callRow({ change_seq: '9', status: 'ringing' }));
    expect(hub.publish(callRow({ change_seq: '8', status: 'dialing' }))).toBe(false);
    hub.publish(callRow({ id: 'call-2', change_seq: '5' }));
    hub.publish(callRow({ change_seq: '10', status: 'busy' }));
    expect(sent(seen)).toEqual([
      ['call-1', 9, 'ringing'],
      ['call-2', 5, 'dialing'],
      ['call-1', 10, 'busy'],
    ]);
    expect([hub.hasSeen('call-1', 8), hub.hasSeen('call-1', 10), hub.hasSeen('call-1', 11)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("sends a tenant's changes to that tenant's subscribers only", () => {
    const hub = new CallStreamHub();
    const mine = subscribed(hub, 'tenant-1');
    const theirs = subscribed(hub, 'tenant-2');
    hub.publish(callRow({ change_seq: '3' }));
    expect(sent(mine)).toEqual([['call-1', 3, 'dialing']]);
    expect(theirs).toEqual([]);
  });

  it('after a gap, does not answer resumes from before it out of memory', () => {
    const hub = new CallStreamHub();
    hub.publish(callRow({ change_seq: '10' }));
    hub.publish(callRow({ id: 'call-2', change_seq: '11' }));
    expect([hub.covers(9), hub.covers(10)]).toEqual([true, true]);
    // Changes up to 20 may have been missed (the listener was away): memory no longer covers 10 .. 19.
    hub.markGap(20);
    expect([hub.covers(10), hub.covers(19), hub.covers(20), hub.covers(25)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    // An older gap does not lower the floor.
    hub.markGap(15);
    expect(hub.covers(19)).toBe(false);
  });

  it('before anything is published, covers nothing; a gap marked first sets where memory starts', () => {
    const hub = new CallStreamHub();
    expect(hub.covers(0)).toBe(false);
    hub.markGap(40);
    hub.publish(callRow({ change_seq: '41' }));
    expect([hub.covers(39), hub.covers(40)]).toEqual([false, true]);
  });

  it('forgets evicted calls: memory covers only from the largest evicted id', () => {
    const hub = new CallStreamHub();
    for (let i = 1; i <= 5001; i++) hub.publish(callRow({ id: `call-${i}`, change_seq: String(i) }));
    expect([hub.covers(0), hub.covers(1)]).toEqual([false, true]);
    expect(hub.hasSeen('call-1', 1)).toBe(false);
    expect(hub.hasSeen('call-2', 2)).toBe(true);
  });
});
