import { act, renderHook, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, TENANT_ID } from '../../test/render';
import { useHourlyCallStats, useToday } from './use-call-stats';

describe('useToday', () => {
  afterEach(() => vi.useRealTimers());

  it("is the browser's day, midnight to midnight, and moves on at midnight", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let now = dayjs('2026-11-25T23:59:58').valueOf();
    const { result } = renderHook(() => useToday(() => now));
    expect(result.current).toEqual({
      since: dayjs('2026-11-25T00:00:00').toISOString(),
      until: dayjs('2026-11-26T00:00:00').toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    now = dayjs('2026-11-26T00:00:01').valueOf();
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(result.current.since).toBe(dayjs('2026-11-26T00:00:00').toISOString());
  });
});

function HourlyProbe() {
  const hourly = useHourlyCallStats({
    since: '2026-11-25T00:00:00.000Z',
    until: '2026-11-26T00:00:00.000Z',
    timeZone: 'Asia/Kolkata',
  });
  return <p>buckets: {hourly.data?.buckets.length ?? 'none'}</p>;
}

describe('useHourlyCallStats', () => {
  it("asks for the period's buckets of the session's tenant, in the period's time zone", async () => {
    const { api } = renderWithApp(<HourlyProbe />, {
      routes: {
        'GET /api/calls/stats/hourly': () => ({
          since: '2026-11-25T00:00:00.000Z',
          until: '2026-11-26T00:00:00.000Z',
          buckets: [],
        }),
      },
    });
    expect(await screen.findByText('buckets: 0')).toBeInTheDocument();
    const query = new URL(api.requests[0]!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      tenantId: TENANT_ID,
      since: '2026-11-25T00:00:00.000Z',
      until: '2026-11-26T00:00:00.000Z',
      timeZone: 'Asia/Kolkata',
    });
  });

  it('asks nothing while a key spanning tenants has not picked one', () => {
    const { api } = renderWithApp(<HourlyProbe />, { principal: { tenantId: null } });
    expect(screen.getByText('buckets: none')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
