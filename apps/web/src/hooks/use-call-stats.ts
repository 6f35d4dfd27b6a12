import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { ResponseOf } from '../api/api-types';
import { callKeys, useCallsTenant, type Call } from './use-calls';

export type HourlyCallStats = ResponseOf<'/api/calls/stats/hourly', 'get'>;
export type HourlyBucket = HourlyCallStats['buckets'][number];

export interface Period {
  since: string;
  until: string;
  /** IANA time zone whose hours the buckets follow; the server's default is UTC. */
  timeZone?: string;
}

/** The browser's IANA time zone (e.g. `Asia/Kolkata`), so chart hours are the user's hours. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Under the call statistics key, so every call that starts or ends (useCallStream -> applyCallChange)
 * refetches the chart with the figures.
 */
export const callStatsKeys = {
  hourly: (tenantId: string | null, period: Period) =>
    [...callKeys.stats(), 'hourly', tenantId, period] as const,
};

const dayOf = (at: number): Period => {
  const start = dayjs(at).startOf('day');
  return {
    since: start.toISOString(),
    until: start.add(1, 'day').toISOString(),
    timeZone: browserTimeZone(),
  };
};

/**
 * Today in the browser's time zone, [midnight, next midnight), with that zone, so the hours charted are local
 * hours (a +05:30 zone's hours start at :30 UTC); moves on by itself at midnight.
 */
export function useToday(now: () => number = Date.now): Period {
  const [day, setDay] = useState(() => dayjs(now()).format('YYYY-MM-DD'));
  useEffect(() => {
    const msToMidnight = dayjs(now()).add(1, 'day').startOf('day').diff(dayjs(now()));
    const timer = setTimeout(() => setDay(dayjs(now()).format('YYYY-MM-DD')), msToMidnight + 1000);
    return () => clearTimeout(timer);
  }, [day, now]);
  return useMemo(() => dayOf(dayjs(day).valueOf()), [day]);
}

/** Calls per hour by outcome over a period (at most 31 days), hours without calls included. */
export function useHourlyCallStats(period: Period) {
  const api = useApi();
  const { tenantId, needsTenant } = useCallsTenant();
  return useQuery({
    queryKey: callStatsKeys.hourly(tenantId, period),
    enabled: !needsTenant,
    queryFn: ({ signal }) =>
      unwrap(
        api.client.GET('/api/calls/stats/hourly', {
          params: { query: { ...(tenantId ? { tenantId } : {}), ...period } },
          signal,
        }),
      ),
  });
}

/**
 * Refetches the figures and the chart when one of these live calls is answered: the stream's cache patch
 * refetches them only as calls start and end, and "answered" and the answer rate should move at the answer.
 */
export function useRefetchStatsOnAnswer(liveCalls: Call[]): void {
  const queryClient = useQueryClient();
  const answered = liveCalls
    .filter((call) => call.status === 'answered')
    .map((call) => call.id)
    .sort()
    .join(',');
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const grew =
      previous.current !== null && answered.split(',').some((id) => id && !previous.current!.includes(id));
    previous.current = answered;
    if (grew) void queryClient.invalidateQueries({ queryKey: callKeys.stats() });
  }, [answered, queryClient]);
}
