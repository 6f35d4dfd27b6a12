import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { aCall } from '../../hooks/call-fixtures';
import type { HourlyBucket } from '../../hooks/use-call-stats';
import { chartRows, chartSummary, countTicks } from './hourly-chart';
import { formatElapsed, phaseOf } from './live-calls';
import { figuresOf } from './today-figures';

const bucket = (hour: number, counts: Partial<HourlyBucket> = {}): HourlyBucket => ({
  hour: dayjs().startOf('day').add(hour, 'hour').toISOString(),
  placed: 0,
  answered: 0,
  busy: 0,
  noAnswer: 0,
  congestion: 0,
  failed: 0,
  canceled: 0,
  ...counts,
});

describe('live board parts', () => {
  it('formats running time as m:ss, h:mm:ss past an hour, never negative', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(75_900)).toBe('1:15');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-2_000)).toBe('0:00');
  });

  it('times a call from when it was placed, then from ringing, then from the answer', () => {
    const base = aCall({ createdAt: 'c', ringingAt: 'r', answeredAt: 'a' });
    expect(phaseOf({ ...base, status: 'dialing' })).toMatchObject({ label: 'Dialing', since: 'c' });
    expect(phaseOf({ ...base, status: 'queued' })).toMatchObject({ label: 'Queued', since: 'c' });
    expect(phaseOf({ ...base, status: 'ringing' })).toMatchObject({ label: 'Ringing', since: 'r' });
    expect(phaseOf({ ...base, status: 'answered' })).toMatchObject({ label: 'Talking', since: 'a' });
  });
});

describe('hourly chart parts', () => {
  it('stacks outcomes per local hour, calls not ended counted as in progress', () => {
    const rows = chartRows([bucket(9, { placed: 5, answered: 2, busy: 1, failed: 1 })]);
    expect(rows).toEqual([
      {
        hour: '09:00',
        answered: 2,
        busy: 1,
        noAnswer: 0,
        congestion: 0,
        failed: 1,
        canceled: 0,
        inProgress: 1,
      },
    ]);
  });

  it('puts whole-number ticks on the count axis, up to the busiest hour', () => {
    expect(countTicks([bucket(9, { placed: 1 })])).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks([bucket(9, { placed: 10 })])).toEqual([0, 3, 6, 9, 12]);
  });

  it('sums the day up in words', () => {
    expect(chartSummary([bucket(8), bucket(9)])).toBe('No calls yet today.');
    expect(chartSummary([bucket(8, { placed: 1 }), bucket(9, { placed: 4 })])).toBe(
      '5 calls today; busiest hour 09:00 (4).',
    );
  });
});

describe("today's figures", () => {
  it('shows a dash for the answer rate and talk time of a day without calls', () => {
    const figures = figuresOf({
      since: null,
      until: null,
      placed: 0,
      answered: 0,
      busy: 0,
      noAnswer: 0,
      congestion: 0,
      failed: 0,
      canceled: 0,
      answerRate: 0,
      averageTalkSeconds: 0,
      perDid: [],
    });
    expect(figures.find((f) => f.label === 'Answer rate')?.value).toBe('—');
    expect(figures.find((f) => f.label === 'Average talk time')?.value).toBe('—');
  });
});
