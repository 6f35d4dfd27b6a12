import { Badge, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { hasRole, useSession } from '../../auth/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useRefetchStatsOnAnswer } from '../../hooks/use-call-stats';
import type { CallStreamState } from '../../hooks/use-calls';
import { LiveCallRow } from './live-call-row';
import { useLiveCalls } from './live-calls';
import { useNow } from './use-now';

const STREAM_BADGE: Record<CallStreamState, { label: string; color: string }> = {
  open: { label: 'Live', color: 'green.8' },
  connecting: { label: 'Connecting…', color: 'gray.7' },
  reconnecting: { label: 'Reconnecting…', color: 'orange.9' },
  stopped: { label: 'Not live', color: 'red.9' },
};

/** The calls in progress, kept live by the call stream; a call leaves the board when it ends. */
export function LiveBoard({ streamState }: { streamState: CallStreamState }) {
  const { principal } = useSession();
  const live = useLiveCalls();
  useRefetchStatsOnAnswer(live.calls);
  const now = useNow(live.calls.length > 0);
  const mayHangUp = hasRole(principal.role, 'operator');
  const wide = useMediaQuery('(min-width: 48em)');
  const badge = STREAM_BADGE[streamState];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="live-board-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4" id="live-board-title">
            Live calls{live.isPending ? '' : ` (${live.calls.length})`}
          </Title>
          <Badge color={badge.color} variant="filled" autoContrast data-testid="stream-state">
            {badge.label}
          </Badge>
        </Group>
        {live.isPending ? (
          <LoadingState label="Loading calls in progress…" />
        ) : live.error && live.calls.length === 0 ? (
          <ErrorState error={live.error} onRetry={() => void live.refetch()} />
        ) : live.calls.length === 0 ? (
          <EmptyState title="No calls in progress">
            Calls appear here as they are placed, and leave when they end.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing="xs" horizontalSpacing={wide ? 'xs' : 6} aria-label="Calls in progress">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Number</Table.Th>
                  <Table.Th visibleFrom="sm">DID</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Time</Table.Th>
                  {mayHangUp && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {live.calls.map((call) => (
                  <LiveCallRow key={call.id} call={call} now={now} mayHangUp={mayHangUp} compact={!wide} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {live.truncated && (
          <Text size="sm" c="dimmed">
            More calls are in progress than the board shows; see Call logs for all of them.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
