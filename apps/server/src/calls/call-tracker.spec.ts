import { describe, expect, it } from 'vitest';
import {
  loadCapture,
  channelKey,
  type Capture,
  type CapturedEvent,
} from '../../test/helpers/ami-captures.js';
import { CallTracker } from './call-tracker.js';
import type { CallSnapshot, CallUpdate } from './call-status.js';

const BASE = Date.UTC(2026, 10, 25, 3, 0, 0);
const at = (t: number) => new Date(BASE + t);

/** Tracks every Originate of the capture, feeds its events in `order`, answers each call's final snapshot. */
function replay(
  capture: Capture,
  events: CapturedEvent[] = capture.events,
  sync = false,
): { calls: CallSnapshot[]; updates: CallUpdate[]; tracker: CallTracker } {
  const tracker = new CallTracker();
  const updates: CallUpdate[] = [];
  const ids = capture.originates.map((originate, i) => {
    const callId = `call-${i}`;
    tracker.track({
      callId,
      channelId: originate.channelId ?? `never-created-${i}`,
      actionId: originate.actionId,
      at: at(originate.t),
      awaitOriginateResponse: !sync,
    });
    return callId;
  });
  for (const { t, event } of events) updates.push(...tracker.handle(event, at(t)));
  return { calls: ids.map((id) => tracker.get(id)!), updates, tracker };
}

const outcome = (call: CallSnapshot) => ({
  status: call.status,
  hangupCause: call.hangupCause,
  originateResponse: call.originateResponse,
  originateReason: call.originateReason,
  dialStatus: call.dialStatus,
  cdrDisposition: call.cdrDisposition,
  cdrBillsec: call.cdrBillsec,
});

type Outcome = ReturnType<typeof outcome>;
const answered = (billsec: number, cause = 16): Outcome => ({
  status: 'completed',
  hangupCause: cause,
  originateResponse: 'Success',
  originateReason: 4,
  dialStatus: 'ANSWER',
  cdrDisposition: 'ANSWERED',
  cdrBillsec: billsec,
});

/** What each capture's own events (OriginateResponse, DialEnd, Hangup, Cdr) say about its call. */
const EXPECTED: Record<string, Outcome> = {
  'originate-answered': answered(2),
  'originate-application': answered(2),
  'originate-busy': {
    status: 'busy',
    hangupCause: 17,
    originateResponse: 'Failure',
    originateReason: 5,
    dialStatus: 'BUSY',
    cdrDisposition: 'BUSY',
    cdrBillsec: 0,
  },
  'originate-congestion': {
    status: 'congestion',
    hangupCause: 34,
    originateResponse: 'Failure',
    originateReason: 8,
    dialStatus: 'CONGESTION',
    cdrDisposition: 'CONGESTION',
    cdrBillsec: 0,
  },
  'originate-noanswer': {
    status: 'no-answer',
    hangupCause: 19,
    originateResponse: 'Failure',
    originateReason: 3,
    dialStatus: null,
    cdrDisposition: 'NO ANSWER',
    cdrBillsec: 0,
  },
  'dial-answer': answered(2),
  // Reason 0 and an outer DialEnd NOANSWER, but the callee leg's DialEnd says BUSY: busy, not failed.
  'dial-busy': {
    status: 'busy',
    hangupCause: 17,
    originateResponse: 'Failure',
    originateReason: 0,
    dialStatus: 'BUSY',
    cdrDisposition: 'NO ANSWER',
    cdrBillsec: 0,
  },
  'dial-noanswer': {
    status: 'no-answer',
    hangupCause: 16,
    originateResponse: 'Failure',
    originateReason: 0,
    dialStatus: 'NOANSWER',
    cdrDisposition: 'NO ANSWER',
    cdrBillsec: 0,
  },
  record: answered(4),
  'hangup-action': answered(1),
  'active-call-status': answered(3, 0),
};

/** A seeded shuffle that keeps the order of each channel's events (what real Asterisk keeps stable). */
function interleave(events: CapturedEvent[], seed: number): CapturedEvent[] {
  const queues = new Map<string, CapturedEvent[]>();
  for (const item of events) {
    const key = channelKey(item.event);
    queues.set(key, [...(queues.get(key) ?? []), item]);
  }
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const out: CapturedEvent[] = [];
  const live = [...queues.values()];
  while (live.length > 0) {
    const i = Math.floor(next() * live.length);
    out.push(live[i]!.shift()!);
    if (live[i]!.length === 0) live.splice(i, 1);
  }
  return out;
}

describe('CallTracker replaying real Asterisk captures', () => {
  for (const [scenario, expected] of Object.entries(EXPECTED)) {
    it(`${scenario}: ends as the capture's events say`, () => {
      const capture = loadCapture(scenario);
      expect(capture.originates).toHaveLength(1);
      const { calls, updates, tracker } = replay(capture);
      expect(outcome(calls[0]!)).toEqual(expected);
      expect(updates.filter((u) => u.ended)).toHaveLength(1);
      expect(tracker.size).toBe(0);
    });

    it(`${scenario}: same result whatever the interleaving across channels`, () => {
      const capture = loadCapture(scenario);
      for (const seed of [1, 7, 42, 1234, 99_999]) {
        const { calls } = replay(capture, interleave(capture.events, seed));
        expect(outcome(calls[0]!), `seed ${seed}`).toEqual(expected);
      }
    });
  }

  it('originate-invalid: an unknown context and an unknown technology both end failed', () => {
    const capture = loadCapture('originate-invalid');
    const { calls } = replay(capture);
    const [context, technology] = calls;
    expect(outcome(context!)).toEqual({
      status: 'failed',
      hangupCause: 0,
      originateResponse: 'Failure',
      originateReason: 0,
      dialStatus: null,
      cdrDisposition: 'FAILED',
      cdrBillsec: 0,
    });
    expect(technology!.status).toBe('failed');
    expect(technology!.channel).toBeNull();
    expect(technology!.originateReason).toBe(0);
  });

  it('originate-sync: without OriginateResponse, the answered call completes and the busy one is busy', () => {
    const capture = loadCapture('originate-sync');
    const { calls } = replay(capture, capture.events, true);
    expect(calls.map((c) => [c.status, c.hangupCause, c.dialStatus, c.cdrDisposition])).toEqual([
      ['completed', 16, 'ANSWER', 'ANSWERED'],
      ['busy', 17, 'BUSY', 'BUSY'],
    ]);
    expect(calls[0]!.cdrBillsec).toBe(2);
  });

  it('originate-sync: walks dialing -> ringing -> answered -> completed', () => {
    const capture = loadCapture('originate-sync');
    const { updates } = replay(capture, capture.events, true);
    const statuses = updates
      .filter((u) => u.statusChanged && u.call.callId === 'call-0')
      .map((u) => u.call.status);
    expect(statuses).toEqual(['ringing', 'answered', 'completed']);
  });

  it('dial-answer: answered at once, channels, ids and durations', () => {
    const capture = loadCapture('dial-answer');
    const { calls, updates } = replay(capture);
    const call = calls[0]!;
    const statuses = updates.filter((u) => u.statusChanged).map((u) => u.call.status);
    expect(statuses).toEqual(['answered', 'completed']);
    expect(call.channel).toBe('Local/dial-answer@test-0000000a;1');
    expect(call.otherChannel).toBe('Local/dial-answer@test-0000000a;2');
    expect(call.dialedChannel).toBe('Local/answer@test-0000000b;1');
    expect(call.uniqueid).toBe('1795572059.20');
    expect(call.linkedid).toBe('1795572059.20');
    expect(call.ringingAt).toBeNull();
    expect(call.answeredAt).not.toBeNull();
    // The tracker's own talk time agrees with the Cdr's billsec within a second.
    expect(Math.abs(call.talkSeconds! - call.cdrBillsec!)).toBeLessThanOrEqual(1);
  });

  it('originate-noanswer: rang for the Timeout and never talked', () => {
    const { calls } = replay(loadCapture('originate-noanswer'));
    expect(calls[0]!.ringSeconds).toBeGreaterThanOrEqual(2.9);
    expect(calls[0]!.talkSeconds).toBeNull();
    expect(calls[0]!.answeredAt).toBeNull();
  });

  it('record: notes that MixMonitor started', () => {
    const { calls } = replay(loadCapture('record'));
    expect(calls[0]!.recordingStarted).toBe(true);
  });

  it('stores the trail: every relevant event of the call and none of the noise', () => {
    const { updates } = replay(loadCapture('dial-busy'));
    const names = updates.flatMap((u) => (u.trail ? [u.trail.name] : []));
    expect(names).toContain('OriginateResponse');
    expect(names.filter((n) => n === 'Hangup')).toHaveLength(4);
    expect(names.filter((n) => n === 'DialEnd')).toHaveLength(2);
    expect(names).not.toContain('Newexten');
    expect(names).not.toContain('VarSet');
    const first = updates.find((u) => u.trail)!.trail!;
    expect(first.headers).not.toHaveProperty('$server');
  });

  it('a hangup we asked for before the answer makes the call canceled', () => {
    const capture = loadCapture('originate-noanswer');
    const tracker = new CallTracker();
    tracker.track({
      callId: 'c',
      channelId: capture.originates[0]!.channelId!,
      actionId: 'orig-noans-1',
      at: at(0),
    });
    tracker.requestHangup('c');
    for (const { t, event } of capture.events) tracker.handle(event, at(t));
    expect(tracker.get('c')!.status).toBe('canceled');
  });

  it('ignores events of calls it does not track', () => {
    const tracker = new CallTracker();
    const capture = loadCapture('originate-answered');
    expect(capture.events.flatMap(({ t, event }) => tracker.handle(event, at(t)))).toEqual([]);
  });

  it('resync closes calls whose channels are gone, honestly flagged, and keeps the others', () => {
    const tracker = new CallTracker();
    tracker.track({ callId: 'gone', channelId: 'u-1', at: at(0) });
    tracker.track({ callId: 'alive', channelId: 'u-2', at: at(0) });
    const updates = tracker.resync(new Set(['u-2']), at(5_000));
    expect(updates.map((u) => [u.call.callId, u.call.status, u.call.endReason, u.ended])).toEqual([
      ['gone', 'failed', 'pbx-connection-lost', true],
    ]);
    expect(tracker.activeCalls().map((c) => c.callId)).toEqual(['alive']);
  });

  it('the watchdog closes calls past the maximum duration; an answered one as completed', () => {
    const capture = loadCapture('hangup-action');
    const tracker = new CallTracker();
    tracker.track({
      callId: 'c',
      channelId: capture.originates[0]!.channelId!,
      actionId: 'orig-long-1',
      at: at(0),
    });
    const answeredAt = capture.events.find((e) => e.event.Event === 'OriginateResponse')!.t;
    for (const { t, event } of capture.events.filter((e) => e.t <= answeredAt)) tracker.handle(event, at(t));
    expect(tracker.expire(at(answeredAt + 10), 60_000)).toEqual([]);
    const [update] = tracker.expire(at(120_000), 60_000);
    expect([update!.call.status, update!.call.endReason]).toEqual(['completed', 'max-duration']);
    expect(tracker.size).toBe(0);
  });

  it('stays bounded: ended calls are forgotten beyond `recentlyEnded`', () => {
    const tracker = new CallTracker({ recentlyEnded: 10 });
    for (let i = 0; i < 1000; i++) {
      tracker.track({ callId: `c${i}`, channelId: `u${i}`, actionId: `a${i}`, at: at(0) });
      tracker.originateNotSent(`c${i}`, at(1));
    }
    expect(tracker.size).toBe(0);
    expect(tracker.indexSize).toBeLessThanOrEqual(20);
  });
});
