import { Badge, Tooltip } from '@mantine/core';
import type { PbxStatus } from '../hooks/use-pbx-status';

const COLORS = { connected: 'green', reconnecting: 'yellow', down: 'red', unknown: 'gray' } as const;

/** The PBX connection at a glance; a simulated PBX is marked as such, loudly. */
export function PbxBadge({ status }: { status: PbxStatus }) {
  const label = status.simulated ? `SIMULATED · ${status.state}` : `PBX ${status.state}`;
  const tip = status.simulated
    ? 'The PBX is the built-in simulator: no real calls are placed. ' + status.details.join(', ')
    : status.details.join(', ') || 'No PBX status yet';
  return (
    <Tooltip label={tip} multiline w={280}>
      <Badge
        data-testid="pbx-state"
        color={status.simulated ? 'orange' : COLORS[status.state]}
        variant={status.simulated ? 'filled' : 'light'}
        tabIndex={0}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
