import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '../../components/states';
import type { CallStats } from '../../hooks/use-calls';
import { formatElapsed } from './live-calls';

interface Figure {
  label: string;
  value: string;
  hint?: string;
}

export function figuresOf(stats: CallStats): Figure[] {
  const percent = `${Math.round(stats.answerRate * 100)}%`;
  return [
    { label: 'Placed', value: String(stats.placed) },
    { label: 'Answered', value: String(stats.answered) },
    { label: 'Busy', value: String(stats.busy) },
    { label: 'No answer', value: String(stats.noAnswer) },
    {
      label: 'Failed',
      value: String(stats.failed),
      hint: `+ ${stats.congestion} congestion, ${stats.canceled} canceled`,
    },
    { label: 'Answer rate', value: stats.placed === 0 ? '—' : percent },
    {
      label: 'Average talk time',
      value: stats.answered === 0 ? '—' : formatElapsed(stats.averageTalkSeconds * 1000),
    },
  ];
}

interface TodayFiguresProps {
  stats: CallStats | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}

/** Today's figures: placed, answered, busy, no answer, failed, answer rate, average talk time. */
export function TodayFigures({ stats, isPending, error, onRetry }: TodayFiguresProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="today-title">
      <Title order={3} size="h4" id="today-title">
        Today
      </Title>
      {stats ? (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 4, lg: 7 }} spacing="sm" component="dl" m={0}>
          {figuresOf(stats).map((figure) => (
            <Paper withBorder p="sm" key={figure.label} data-testid={`figure-${figure.label}`}>
              <Text component="dt" size="sm" c="dimmed">
                {figure.label}
              </Text>
              <Text component="dd" m={0} fz="xl" fw={700}>
                {figure.value}
              </Text>
              {figure.hint && (
                // Inside the <dd>'s group a hint is part of the value's description (a <dl> may hold only dt/dd).
                <Text component="dd" m={0} size="xs" c="dimmed">
                  {figure.hint}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      ) : isPending ? (
        <LoadingState label="Loading today's figures…" />
      ) : (
        <ErrorState error={error} onRetry={onRetry} />
      )}
    </Stack>
  );
}
