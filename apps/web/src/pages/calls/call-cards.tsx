import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { StatusChip } from '../../components/status-chip';
import type { Call } from '../../hooks/use-calls';
import { formatDateTime, formatSeconds } from './call-format';

/** Call logs for phone widths: one card per call, the number as its link, status beside it. */
export function CallCards({ calls }: { calls: Call[] }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Calls">
      {calls.map((call) => (
        <Card key={call.id} component="li" withBorder padding="sm" data-call-id={call.id}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/calls/${call.id}`} fw={600}>
              {call.to}
            </Anchor>
            <StatusChip status={call.status} size="sm" />
          </Group>
          <Text size="sm" c="dimmed">
            {formatDateTime(call.createdAt)}
            {call.from ? ` · from ${call.from}` : ''}
          </Text>
          {(call.talkSeconds !== null || call.hangupCause !== null) && (
            <Text size="sm">
              Ring {formatSeconds(call.ringSeconds)} · talk {formatSeconds(call.talkSeconds)}
              {call.hangupCauseText ? ` · ${call.hangupCauseText}` : ''}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
