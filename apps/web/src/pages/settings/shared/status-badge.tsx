import { Badge } from '@mantine/core';

/**
 * On/off status as a dot badge: the text stays in the body colour (readable contrast), the dot carries the
 * colour.
 */
export function StatusBadge({ on, onLabel, offLabel }: { on: boolean; onLabel: string; offLabel: string }) {
  return (
    <Badge variant="dot" color={on ? 'green' : 'gray'}>
      {on ? onLabel : offLabel}
    </Badge>
  );
}
