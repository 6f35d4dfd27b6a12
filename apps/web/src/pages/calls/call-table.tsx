import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { StatusChip } from '../../components/status-chip';
import type { Call } from '../../hooks/use-calls';
import { formatDateTime, formatSeconds } from './call-format';

/** Call logs as a table; a row opens the call (the number is the keyboard-reachable link). */
export function CallTable({ calls }: { calls: Call[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Created</Table.Th>
            <Table.Th>Number</Table.Th>
            <Table.Th>DID</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Ring</Table.Th>
            <Table.Th>Talk</Table.Th>
            <Table.Th>Hangup cause</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr
              key={call.id}
              data-call-id={call.id}
              onClick={() => void navigate(`/calls/${call.id}`)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(call.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/calls/${call.id}`}
                  onClick={(event) => event.stopPropagation()}
                >
                  {call.to}
                </Anchor>
              </Table.Td>
              <Table.Td>{call.from ?? '—'}</Table.Td>
              <Table.Td>
                <StatusChip status={call.status} size="sm" />
              </Table.Td>
              <Table.Td>{formatSeconds(call.ringSeconds)}</Table.Td>
              <Table.Td>{formatSeconds(call.talkSeconds)}</Table.Td>
              <Table.Td>
                {call.hangupCause === null ? '—' : `${call.hangupCause} ${call.hangupCauseText ?? ''}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
