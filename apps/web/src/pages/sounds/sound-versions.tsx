import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlayFilled, IconPlayerStopFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { ErrorState, LoadingState } from '../../components/states';
import { useActivateVersion, useSoundVersions, type SoundVersion } from '../../hooks/use-sounds';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatDuration } from './sound-format';
import { SoundStatusBadge } from './sound-status-badge';
import { VersionPreviewPlayer } from './version-preview-player';

interface SoundVersionsProps {
  soundId: string;
  /** The sound's name, for the players' labels. */
  name: string;
  canEdit: boolean;
}

function describe(version: SoundVersion): string {
  const o = version.original;
  const channels = o.channels === 1 ? 'mono' : o.channels === 2 ? 'stereo' : `${o.channels} channels`;
  const options = [version.normalise && 'normalised', version.trim && 'trimmed'].filter(Boolean);
  return [
    `${o.format.toUpperCase()} ${(o.sampleRate / 1000).toString()} kHz ${channels}`,
    formatDuration(o.durationMs),
    formatBytes(o.sizeBytes),
    ...options,
  ].join(' · ');
}

/**
 * Every version of a sound, newest first. Anyone can play a ready version (one at a time) to hear it before an
 * operator makes it active again.
 */
export function SoundVersions({ soundId, name, canEdit }: SoundVersionsProps) {
  const versions = useSoundVersions(soundId);
  const activate = useActivateVersion();
  const [listening, setListening] = useState<string | null>(null);

  return (
    <Stack gap="xs" component="section" aria-labelledby="versions-title">
      <Title order={3} size="h5" id="versions-title">
        Versions
      </Title>
      {versions.isLoading && <LoadingState label="Loading versions…" />}
      {versions.error && <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />}
      {activate.error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => activate.reset()}>
          {errorMessage(activate.error)}
        </Alert>
      )}
      {versions.data?.map((version) => (
        <Paper key={version.id} withBorder p="sm" data-testid="sound-version">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={600}>Version {version.version}</Text>
                {version.active && (
                  <Badge color="indigo" variant="filled" size="sm">
                    Active
                  </Badge>
                )}
                {version.status !== 'ready' && <SoundStatusBadge status={version.status} />}
              </Group>
              <Text size="sm" truncate="end" title={version.original.name}>
                {version.original.name}
              </Text>
              <Text size="xs" c="gray.7">
                {describe(version)}
              </Text>
              <Text size="xs" c="gray.7">
                Uploaded {formatDateTime(version.createdAt)}
              </Text>
              {version.error && (
                <Text size="xs" c="red.8">
                  {version.error}
                </Text>
              )}
            </Stack>
            <Group gap="xs" wrap="nowrap">
              {version.status === 'ready' && (
                <ActionIcon
                  variant="light"
                  size="lg"
                  radius="xl"
                  aria-label={`${listening === version.id ? 'Stop' : 'Play'} version ${version.version}`}
                  aria-pressed={listening === version.id}
                  onClick={() => setListening(listening === version.id ? null : version.id)}
                >
                  {listening === version.id ? (
                    <IconPlayerStopFilled size={16} />
                  ) : (
                    <IconPlayerPlayFilled size={16} />
                  )}
                </ActionIcon>
              )}
              {canEdit && version.status === 'ready' && !version.active && (
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={`Activate version ${version.version}`}
                  loading={activate.isPending && activate.variables?.versionId === version.id}
                  onClick={() =>
                    activate.mutate(
                      { soundId, versionId: version.id },
                      {
                        onSuccess: () =>
                          notifications.show({
                            color: 'teal',
                            message: `Version ${version.version} is now the one the PBX plays`,
                          }),
                      },
                    )
                  }
                >
                  Activate
                </Button>
              )}
            </Group>
          </Group>
          {listening === version.id && (
            <div style={{ marginTop: 8 }}>
              <VersionPreviewPlayer
                soundId={soundId}
                versionId={version.id}
                label={`Version ${version.version} of ${name}`}
              />
            </div>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
