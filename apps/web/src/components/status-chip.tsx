import { Badge, type MantineColor } from '@mantine/core';
import type { CallStatus } from '../hooks/use-calls';

/** Green and orange dark enough for white text or text on white at WCAG AA (4.5:1); Mantine's green.8/orange.9 are not. */
export const ACCESSIBLE_GREEN = '#15803d';
export const ACCESSIBLE_ORANGE = '#c2410c';

/**
 * One colour per call status, dark enough that white text reads at WCAG AA (4.5:1 or more); ringing is yellow
 * with dark text (autoContrast).
 */
export const STATUS_COLORS: Record<CallStatus, MantineColor> = {
  queued: 'gray.7',
  dialing: 'blue.8',
  ringing: 'yellow.4',
  answered: ACCESSIBLE_GREEN,
  completed: 'teal.9',
  busy: ACCESSIBLE_ORANGE,
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
