import { describe, expect, it } from 'vitest';
import { chartPeriod } from './chart-period.js';

const now = new Date('2026-03-10T15:20:00.000Z');
const iso = (period: { since: Date; until: Date }) => [
  period.since.toISOString(),
  period.until.toISOString(),
];

describe('chartPeriod', () => {
  it('is today (UTC) when no end is given', () => {
    expect(iso(chartPeriod(now))).toEqual(['2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z']);
  });

  it('runs from since to the end of its UTC day, and at least one hour', () => {
    expect(iso(chartPeriod(now, '2026-03-01T08:00:00Z'))).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    expect(iso(chartPeriod(now, '2026-03-01T23:30:00Z'))).toEqual([
      '2026-03-01T23:30:00.000Z',
      '2026-03-02T00:30:00.000Z',
    ]);
  });

  it('starts 24 h before until when only until is given', () => {
    expect(iso(chartPeriod(now, undefined, '2026-03-05T12:00:00Z'))).toEqual([
      '2026-03-04T12:00:00.000Z',
      '2026-03-05T12:00:00.000Z',
    ]);
  });

  it('keeps both ends as asked, up to 31 days', () => {
    expect(iso(chartPeriod(now, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'))).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
  });

  it('takes today and the end of a day in the time zone asked', () => {
    expect(iso(chartPeriod(now, undefined, undefined, 'Asia/Kolkata'))).toEqual([
      '2026-03-09T18:30:00.000Z',
      '2026-03-10T18:30:00.000Z',
    ]);
    expect(iso(chartPeriod(now, '2026-03-01T08:00:00Z', undefined, 'America/New_York'))).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-02T05:00:00.000Z',
    ]);
  });

  it('refuses a period over 31 days or one that ends before it starts', () => {
    expect(() => chartPeriod(now, '2026-01-01T00:00:00Z', '2026-02-01T00:00:01Z')).toThrow(/31 days/);
    expect(() => chartPeriod(now, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')).toThrow(/before until/);
    expect(() => chartPeriod(now, undefined, '2026-03-10T00:00:00Z')).not.toThrow();
  });
});
