import { Badge, Box, Tooltip } from '@mantine/core';
import type { PbxStatus } from '../hooks/use-pbx-status';

const COLORS = { connected: 'green', reconnecting: 'yellow', down: 'red', unknown: 'gray' } as const;

/** The PBX connection at a glance; a simulated PBX is marked as such, loudly. */
export function PbxBadge({ status }: { status: PbxStatus }) {
  const prefix = status.simulated ? 'SIMULATED' : 'PBX';
  const tip = status.simulated
    ? 'The PBX is the built-in simulator: no real calls are placed. ' + status.details.join(', ')
    : status.details.join(', ') || 'No PBX status yet';
  return (
    <Tooltip label={tip} multiline w={280}>
      <Badge
        data-testid="pbx-state"
        // orange.9 keeps white text above 4.5:1 contrast.
        color={status.simulated ? 'orange.9' : COLORS[status.state]}
        variant={status.simulated ? 'filled' : 'light'}
        tabIndex={0}
      >
        {prefix}
        {/* At phone width "SIMULATED" alone says enough; the state follows from the sm breakpoint. */}
        <Box component="span" visibleFrom={status.simulated ? 'sm' : undefined}>
          {status.simulated ? ` · ${status.state}` : ` ${status.state}`}
        </Box>
      </Badge>
    </Tooltip>
  );
}
