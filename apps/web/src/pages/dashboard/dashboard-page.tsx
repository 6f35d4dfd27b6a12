import { Grid, Stack, Title } from '@mantine/core';
import { EmptyState } from '../../components/states';
import { useHourlyCallStats, useToday } from '../../hooks/use-call-stats';
import { useCallStats, useCallStream, useCallsTenant } from '../../hooks/use-calls';
import { HourlyChart } from './hourly-chart';
import { LiveBoard } from './live-board';
import { TodayFigures } from './today-figures';

/** Live board of the calls in progress, today's figures and calls per hour, all kept live by the stream. */
export function DashboardPage() {
  const { needsTenant } = useCallsTenant();
  const today = useToday();
  const stream = useCallStream();
  const stats = useCallStats(today);
  const hourly = useHourlyCallStats(today);
  if (needsTenant) {
    return (
      <Stack>
        <Title order={2}>Dashboard</Title>
        <EmptyState title="Pick a tenant">
          This key spans every tenant: pick one in the header to see its live calls and figures.
        </EmptyState>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <TodayFigures
        stats={stats.data}
        isPending={stats.isPending}
        error={stats.error}
        onRetry={() => void stats.refetch()}
      />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <LiveBoard streamState={stream.state} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <HourlyChart
            buckets={hourly.data?.buckets}
            isPending={hourly.isPending}
            error={hourly.error}
            onRetry={() => void hourly.refetch()}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
