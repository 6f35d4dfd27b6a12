import { describe, expect, it } from 'vitest';
import { isTimeZone, startOfNextZonedDay, startOfZonedDay } from './time-zone.js';

const iso = (at: Date) => at.toISOString();

describe('time zones', () => {
  it('knows IANA names and UTC, and refuses anything else', () => {
    expect(['UTC', 'Europe/Paris', 'Asia/Kolkata', 'America/St_Johns'].every(isTimeZone)).toBe(true);
    expect(['', 'Mars/Olympus', 'UTC+5', "UTC'; DROP TABLE calls; --"].some(isTimeZone)).toBe(false);
  });

  it('finds local midnight, half-hour zones included', () => {
    const at = new Date('2026-03-10T15:20:00Z');
    expect(iso(startOfZonedDay(at, 'UTC'))).toBe('2026-03-10T00:00:00.000Z');
    expect(iso(startOfZonedDay(at, 'Asia/Kolkata'))).toBe('2026-03-09T18:30:00.000Z');
    // Newfoundland is on summer time (-02:30) since 2026-03-08.
    expect(iso(startOfZonedDay(at, 'America/St_Johns'))).toBe('2026-03-10T02:30:00.000Z');
    // 20:30 local in Kolkata is the next local day already.
    expect(iso(startOfZonedDay(new Date('2026-03-10T19:00:00Z'), 'Asia/Kolkata'))).toBe(
      '2026-03-10T18:30:00.000Z',
    );
  });

  it('takes the offset midnight had on a day that changes to summer time', () => {
    // Europe/Paris moves from +01:00 to +02:00 at 01:00 UTC on 2026-03-29: that day is 23 hours long.
    const evening = new Date('2026-03-29T20:00:00Z');
    expect(iso(startOfZonedDay(evening, 'Europe/Paris'))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(startOfNextZonedDay(evening, 'Europe/Paris'))).toBe('2026-03-29T22:00:00.000Z');
    // And back on 2026-10-25: 25 hours.
    const autumn = new Date('2026-10-25T12:00:00Z');
    expect(iso(startOfZonedDay(autumn, 'Europe/Paris'))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(startOfNextZonedDay(autumn, 'Europe/Paris'))).toBe('2026-10-25T23:00:00.000Z');
  });
});
