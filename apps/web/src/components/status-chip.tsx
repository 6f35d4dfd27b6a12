import { Badge, type MantineColor } from '@mantine/core';
import type { CallStatus } from '../hooks/use-calls';

/**
 * One colour per call status, dark enough (shade 7-9) that white text reads at WCAG AA; ringing is yellow
 * with dark text (autoContrast).
 */
export const STATUS_COLORS: Record<CallStatus, MantineColor> = {
  queued: 'gray.7',
  dialing: 'blue.8',
  ringing: 'yellow.4',
  answered: 'green.8',
  completed: 'teal.9',
  busy: 'orange.9',
  'no-answer': 'grape.8',
  congestion: 'pink.9',
  failed: 'red.9',
  canceled: 'dark.5',
};

/** How a status reads to a person: `no-answer` is "no answer". */
export const statusLabel = (status: CallStatus): string => status.replace('-', ' ');

/** A call's status as a coloured chip, the same on every page. */
export function StatusChip({ status, size = 'md' }: { status: CallStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" autoContrast size={size} data-status={status}>
      {statusLabel(status)}
    </Badge>
  );
}
