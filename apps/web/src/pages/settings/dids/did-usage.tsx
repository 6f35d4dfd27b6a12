import { Progress, Stack, Text } from '@mantine/core';
import type { Did } from '../../../hooks/use-dids';

/** Today's calls from a DID against its daily cap, with a bar that turns red once the cap is reached. */
export function DidUsage({ did }: { did: Did }) {
  if (did.dailyCap === null) {
    return (
      <Text size="sm">
        {did.usesToday} today{' '}
        <Text span c="dimmed" size="xs">
          · no cap
        </Text>
      </Text>
    );
  }
  const used = did.dailyCap === 0 ? 1 : Math.min(1, did.usesToday / did.dailyCap);
  const full = did.usesToday >= did.dailyCap;
  return (
    <Stack gap={4} miw={100}>
      <Text size="sm">
        {did.usesToday} / {did.dailyCap} today
        {full && (
          <Text span c="red.8" fw={600}>
            {' '}
            · cap reached
          </Text>
        )}
      </Text>
      <Progress
        value={used * 100}
        color={full ? 'red' : used >= 0.8 ? 'orange' : 'indigo'}
        size="sm"
        aria-label={`${did.usesToday} of ${did.dailyCap} calls today`}
      />
    </Stack>
  );
}
