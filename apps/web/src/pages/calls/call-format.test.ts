import { describe, expect, it } from 'vitest';
import { aCall } from '../../hooks/call-fixtures';
import { crossCheck, describeAnswer, formatClock, formatSeconds, ringSecondsOf } from './call-format';

describe('call formatting', () => {
  it('writes durations and running clocks for people', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(4.4)).toBe('4 s');
    expect(formatSeconds(65)).toBe('1 min 05 s');
    expect(formatSeconds(3720)).toBe('1 h 02 min');
    expect(formatClock(7_900)).toBe('0:07');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });

  it('says what happens on answer, naming the transfer number picked', () => {
    expect(describeAnswer(aCall())).toBe('Play custom/acme/welcome');
    expect(
      describeAnswer(aCall({ answer: { type: 'transfer', number: '' }, transferNumber: '+12025550199' })),
    ).toBe('Transfer to +12025550199');
  });
});

describe('ringSecondsOf', () => {
  it("is known from the answer on, before the server's figure at the end", () => {
    const answered = aCall({ ringingAt: '2026-11-25T09:00:00.200Z', answeredAt: '2026-11-25T09:00:03.200Z' });
    expect(ringSecondsOf(answered)).toBe(3);
    expect(ringSecondsOf({ ...answered, ringSeconds: 2.9 })).toBe(2.9);
    expect(ringSecondsOf(aCall({ answeredAt: null }))).toBeNull();
  });
});

describe('crossCheck', () => {
  it("agrees when DialStatus, Cdr and talk time tell the status's story", () => {
    const call = aCall({
      status: 'completed',
      dialStatus: 'ANSWER',
      cdrDisposition: 'ANSWERED',
      cdrBillsec: 20,
      talkSeconds: 20.3,
    });
    expect(crossCheck(call)).toEqual({ agrees: true, notes: [] });
  });

  it('names each disagreement', () => {
    const call = aCall({ status: 'busy', dialStatus: 'BUSY', cdrDisposition: 'NO ANSWER', cdrBillsec: 0 });
    expect(crossCheck(call)).toEqual({ agrees: false, notes: ['Cdr disposition NO ANSWER for a busy call'] });
  });

  it('has nothing to say before Asterisk reported', () => {
    expect(crossCheck(aCall({ status: 'ringing' })).agrees).toBeNull();
  });
});
