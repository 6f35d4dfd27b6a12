import { ActionIcon, Anchor, Box, Button, Table, Text } from '@mantine/core';
import { IconPhoneOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { StatusChip } from '../../components/status-chip';
import { useHangupControl } from '../../components/use-hangup-control';
import type { Call } from '../../hooks/use-calls';
import { formatElapsed, phaseOf } from './live-calls';

interface LiveCallRowProps {
  call: Call;
  now: number;
  mayHangUp: boolean;
  /** A narrow screen: the hang-up is an icon button (still named for screen readers). */
  compact: boolean;
}

/** One call on the live board: number (to its live view), DID, state, running time, hang-up. */
export function LiveCallRow({ call, now, mayHangUp, compact }: LiveCallRowProps) {
  const hangup = useHangupControl(call);
  const phase = phaseOf(call);
  const elapsed = formatElapsed(now - Date.parse(phase.since));
  return (
    <Table.Tr data-call-id={call.id} aria-label={`Call to ${call.to}`}>
      <Table.Td>
        <Anchor component={Link} to={`/calls/${call.id}`} fw={600} ff="monospace">
          {call.to}
        </Anchor>
        <Text size="xs" c="dimmed" hiddenFrom="sm" ff="monospace">
          from {call.from ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" ff="monospace">
        {call.from ?? '—'}
      </Table.Td>
      <Table.Td>
        {/* never squeezed into an ellipsis by a narrow column */}
        <Box w="max-content">
          <StatusChip status={call.status} size="sm" />
        </Box>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text
          span
          ff="monospace"
          role="timer"
          aria-label={`${phase.label} for ${elapsed}`}
          data-testid="call-timer"
        >
          {elapsed}
        </Text>
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {phase.timeLabel}
        </Text>
      </Table.Td>
      {mayHangUp && (
        <Table.Td ta="right">
          {compact ? (
            <ActionIcon color="red.9" variant="outline" {...hangup.buttonProps}>
              <IconPhoneOff size={18} aria-hidden />
            </ActionIcon>
          ) : (
            <Button
              size="compact-sm"
              color="red.9"
              variant="outline"
              leftSection={<IconPhoneOff size={16} aria-hidden />}
              {...hangup.buttonProps}
            >
              Hang up
            </Button>
          )}
          {hangup.error && (
            <Text size="xs" c="red.8" role="alert">
              Could not hang up: {hangup.error}
            </Text>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
