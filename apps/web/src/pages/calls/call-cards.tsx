import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { StatusChip } from '../../components/status-chip';
import type { Call } from '../../hooks/use-calls';
import { formatDateTime, formatSeconds } from './call-format';

/** "ring 1 s · talk 3 s · Normal Clearing", leaving out what the call does not have. */
function outcomeLine(call: Call): string {
  return [
    call.ringSeconds !== null ? `ring ${formatSeconds(call.ringSeconds)}` : null,
    call.talkSeconds !== null ? `talk ${formatSeconds(call.talkSeconds)}` : null,
    call.hangupCauseText,
  ]
    .filter(Boolean)
    .join(' · ');
}

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
          {outcomeLine(call) && <Text size="sm">{outcomeLine(call)}</Text>}
        </Card>
      ))}
    </Stack>
  );
}
