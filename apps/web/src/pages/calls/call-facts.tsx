import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Call } from '../../hooks/use-calls';
import { crossCheck, describeAnswer, formatDateTime, formatSeconds, ringSecondsOf } from './call-format';
import { ACCESSIBLE_GREEN, ACCESSIBLE_ORANGE } from '../../components/status-chip';

function Facts({ rows, label }: { rows: Array<[string, ReactNode]>; label: string }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false} aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={150}>{name}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who called whom, and what was asked of the PBX. */
export function CallRequestFacts({ call }: { call: Call }) {
  return (
    <Facts
      label="Call"
      rows={[
        ['Number', call.to],
        ['Caller ID (DID)', call.from ?? 'not picked yet'],
        ['Caller name', call.callerName ?? '—'],
        ['On answer', describeAnswer(call)],
        ['Transfer number', call.transferNumber ?? '—'],
        ['Sound', call.sound ?? '—'],
        ['Recorded', call.record ? 'yes' : 'no'],
        ['Ring timeout', `${call.timeoutSeconds} s`],
        ['Created', formatDateTime(call.createdAt)],
        ['Answered', formatDateTime(call.answeredAt)],
        ['Ended', formatDateTime(call.endedAt)],
      ]}
    />
  );
}

function CrossCheckBadge({ call }: { call: Call }) {
  const check = crossCheck(call);
  if (check.agrees === null) return <Text size="sm">—</Text>;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={check.agrees ? ACCESSIBLE_GREEN : ACCESSIBLE_ORANGE} variant="filled">
          {check.agrees ? 'agree' : 'differ'}
        </Badge>
        <Text size="sm">
          DialStatus {call.dialStatus ?? '—'} · Cdr {call.cdrDisposition ?? '—'}
          {call.cdrBillsec !== null ? `, ${call.cdrBillsec} s billed` : ''}
        </Text>
      </Group>
      {check.notes.map((note) => (
        <Text key={note} size="sm" c={ACCESSIBLE_ORANGE}>
          {note}
        </Text>
      ))}
    </Stack>
  );
}

/** How it went: durations, the hangup cause, and Asterisk's own verdicts side by side. */
export function CallOutcomeFacts({ call }: { call: Call }) {
  const cause = call.hangupCause === null ? '—' : `${call.hangupCause} ${call.hangupCauseText ?? ''}`.trim();
  const rows: Array<[string, ReactNode]> = [
    ['Ring time', formatSeconds(ringSecondsOf(call))],
    ['Talk time', formatSeconds(call.talkSeconds)],
    ['Hangup cause', cause],
    ['DialStatus / Cdr', <CrossCheckBadge key="check" call={call} />],
    [
      'Originate',
      call.originateResponse
        ? `${call.originateResponse}${call.originateReason !== null ? ` (reason ${call.originateReason})` : ''}`
        : '—',
    ],
  ];
  if (call.endReason) rows.push(['Closed by Switchboard', call.endReason]);
  if (call.channel) rows.push(['Channel', call.channel]);
  return <Facts label="Outcome" rows={rows} />;
}
