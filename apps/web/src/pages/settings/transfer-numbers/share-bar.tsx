import { Group, Progress, Text } from '@mantine/core';
import { formatShare } from './transfer-share';

/** A transfer number's share of transfers as a percent and a bar. */
export function ShareBar({ share, label }: { share: number; label: string }) {
  const percent = formatShare(share);
  return (
    <Group gap="xs" wrap="nowrap" miw={96}>
      <Progress value={share * 100} size="md" style={{ flex: 1 }} aria-label={`${label}: ${percent}`} />
      <Text size="sm" fw={600} miw={44} ta="right" data-testid="share">
        {percent}
      </Text>
    </Group>
  );
}
