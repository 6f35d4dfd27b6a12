import { Badge, Loader } from '@mantine/core';
import type { SoundStatus } from '../../hooks/use-sounds';

const LOOK: Record<SoundStatus, { color: string; label: string }> = {
  ready: { color: 'teal', label: 'Ready' },
  processing: { color: 'blue', label: 'Converting' },
  failed: { color: 'red', label: 'Failed' },
};

/** The latest version's status in words (a spinner while sox converts). */
export function SoundStatusBadge({ status }: { status: SoundStatus }) {
  const look = LOOK[status];
  return (
    <Badge
      color={look.color}
      variant="light"
      data-testid="sound-status"
      leftSection={status === 'processing' ? <Loader size={10} color="blue" aria-hidden /> : undefined}
    >
      {look.label}
    </Badge>
  );
}
