import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { Sound } from '../../hooks/use-sounds';
import { formatDuration, shownVersion } from './sound-format';
import { SoundStatusBadge } from './sound-status-badge';

interface SoundListProps {
  sounds: Sound[];
  onOpen: (soundId: string) => void;
}

export function FormatBadges({ sound }: { sound: Sound }) {
  const formats = sound.activeVersion?.formats ?? [];
  if (formats.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {formats.map((f) => (
        <Badge key={f.format} size="xs" variant="outline" color="gray.7">
          {f.format}
        </Badge>
      ))}
    </Group>
  );
}

export function activeVersionText(sound: Sound): string {
  if (!sound.activeVersion) return 'None ready';
  return `v${sound.activeVersion.version} of ${sound.versionCount}`;
}

/** The library at laptop width: one row per sound; the name opens it. */
export function SoundTable({ sounds, onOpen }: SoundListProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Sound library">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th>Formats</Table.Th>
            <Table.Th ta="right">Used in calls</Table.Th>
            <Table.Th>Active version</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sounds.map((sound) => (
            <Table.Tr key={sound.id} data-testid="sound-row">
              <Table.Td>
                <Anchor component="button" type="button" fw={600} onClick={() => onOpen(sound.id)}>
                  {sound.name}
                </Anchor>
                <Text size="xs" c="gray.7" ff="monospace">
                  {sound.playback}
                </Text>
              </Table.Td>
              <Table.Td>
                <SoundStatusBadge status={sound.status} />
                {sound.status === 'failed' && sound.error && (
                  <Text size="xs" c="red.8" lineClamp={2} maw={220} title={sound.error}>
                    {sound.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDuration(shownVersion(sound).original.durationMs)}
              </Table.Td>
              <Table.Td>
                <FormatBadges sound={sound} />
              </Table.Td>
              <Table.Td ta="right">{sound.usageCount}</Table.Td>
              <Table.Td>{activeVersionText(sound)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The library at phone width: a card per sound. */
export function SoundCards({ sounds, onOpen }: SoundListProps) {
  return (
    <ul aria-label="Sound library" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sounds.map((sound) => (
        <li key={sound.id} data-testid="sound-card" style={{ marginBottom: 8 }}>
          <Group
            justify="space-between"
            wrap="nowrap"
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <div style={{ minWidth: 0 }}>
              <Anchor component="button" type="button" fw={600} onClick={() => onOpen(sound.id)}>
                {sound.name}
              </Anchor>
              <Text size="xs" c="gray.7">
                {formatDuration(shownVersion(sound).original.durationMs)} · {activeVersionText(sound)} · used{' '}
                {sound.usageCount}×
              </Text>
            </div>
            <SoundStatusBadge status={sound.status} />
          </Group>
        </li>
      ))}
    </ul>
  );
}
