import { BarChart } from '@mantine/charts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { HourlyBucket } from '../../hooks/use-call-stats';

/** Outcomes stacked per hour; colours of the status chips, dark enough for the legend text. */
export const OUTCOME_SERIES = [
  { name: 'answered', label: 'Answered', color: 'teal.8' },
  { name: 'busy', label: 'Busy', color: 'orange.7' },
  { name: 'noAnswer', label: 'No answer', color: 'grape.7' },
  { name: 'congestion', label: 'Congestion', color: 'pink.8' },
  { name: 'failed', label: 'Failed', color: 'red.8' },
  { name: 'canceled', label: 'Canceled', color: 'gray.6' },
  { name: 'inProgress', label: 'In progress', color: 'blue.5' },
] as const;

export type ChartRow = { hour: string } & Record<(typeof OUTCOME_SERIES)[number]['name'], number>;

/** One chart row per hour, in the browser's time zone; calls not ended yet are "in progress". */
export function chartRows(buckets: HourlyBucket[]): ChartRow[] {
  return buckets.map((bucket) => {
    const ended =
      bucket.answered + bucket.busy + bucket.noAnswer + bucket.congestion + bucket.failed + bucket.canceled;
    return {
      hour: dayjs(bucket.hour).format('HH:mm'),
      answered: bucket.answered,
      busy: bucket.busy,
      noAnswer: bucket.noAnswer,
      congestion: bucket.congestion,
      failed: bucket.failed,
      canceled: bucket.canceled,
      inProgress: Math.max(0, bucket.placed - ended),
    };
  });
}

/** Whole-number ticks from 0 to at least the busiest hour, at most 5 of them. */
export function countTicks(buckets: HourlyBucket[]): number[] {
  const max = Math.max(4, ...buckets.map((bucket) => bucket.placed));
  const step = Math.ceil(max / 4);
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

/** "Busiest hour 09:00 (3 calls)": the chart's gist in words, for screen readers and a quick look. */
export function chartSummary(buckets: HourlyBucket[]): string {
  const total = buckets.reduce((n, bucket) => n + bucket.placed, 0);
  const busiest = buckets.reduce<HourlyBucket | undefined>(
    (best, bucket) => (!best || bucket.placed > best.placed ? bucket : best),
    undefined,
  );
  if (!busiest || total === 0) return 'No calls yet today.';
  return `${total} call${total === 1 ? '' : 's'} today; busiest hour ${dayjs(busiest.hour).format('HH:mm')} (${busiest.placed}).`;
}

interface HourlyChartProps {
  buckets: HourlyBucket[] | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}

/** Calls per hour by outcome, stacked. */
export function HourlyChart({ buckets, isPending, error, onRetry }: HourlyChartProps) {
  const total = buckets?.reduce((n, bucket) => n + bucket.placed, 0) ?? 0;
  const ticks = countTicks(buckets ?? []);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hourly-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="hourly-title">
          Calls per hour
        </Title>
        {buckets ? (
          <>
            <Text size="sm" c="dimmed" data-testid="chart-summary">
              {chartSummary(buckets)}
            </Text>
            {total === 0 ? (
              <EmptyState title="No calls today">The chart fills in as calls are placed.</EmptyState>
            ) : (
              <BarChart
                h={240}
                data={chartRows(buckets)}
                dataKey="hour"
                type="stacked"
                series={OUTCOME_SERIES.map((series) => ({ ...series }))}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                tickLine="y"
                xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 12 }}
                yAxisProps={{ width: 32, domain: [0, ticks.at(-1) ?? 4], ticks, interval: 0 }}
                aria-label="Calls per hour by outcome"
                role="img"
                data-testid="hourly-chart"
              />
            )}
          </>
        ) : isPending ? (
          <LoadingState label="Loading the chart…" />
        ) : (
          <ErrorState error={error} onRetry={onRetry} />
        )}
      </Stack>
    </Paper>
  );
}
