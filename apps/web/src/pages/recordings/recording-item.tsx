import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { AudioPlayer } from '../../components/audio-player';
import { recordingPaths, useDownloadFile, type Recording } from '../../hooks/use-recordings';
import { StatusChip } from '../../components/status-chip';
import { DeleteRecordingButton } from './delete-recording-button';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatDuration } from './recording-format';

interface RecordingItemProps {
  recording: Recording;
  mayDelete: boolean;
}

/**
 * One recording: when, how long, its call (number, caller ID, status, linked), and play / download / delete.
 * The audio loads on "Play" only.
 */
export function RecordingItem({ recording, mayDelete }: RecordingItemProps) {
  const [playing, { toggle }] = useDisclosure(false);
  const download = useDownloadFile();
  const paths = recordingPaths(recording.id);
  return (
    <Paper withBorder p="sm" component="li" aria-label={recording.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2} miw={0} style={{ flex: '1 1 240px' }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {recording.name}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(recording.recordedAt)} · {formatDuration(recording.durationSeconds)} ·{' '}
              {formatBytes(recording.sizeBytes, { keepTrailingZero: true })}
            </Text>
            {recording.callId ? (
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/calls/${recording.callId}`} size="sm">
                  {recording.call ? `Call to ${recording.call.to}` : 'Open the call'}
                </Anchor>
                {recording.call?.from && (
                  <Text span c="dimmed" size="sm">
                    from {recording.call.from}
                  </Text>
                )}
                {recording.call && <StatusChip status={recording.call.status} size="sm" />}
              </Group>
            ) : (
              <Text c="dimmed" size="sm">
                No known call
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="wrap">
            <Button
              size="compact-sm"
              variant={playing ? 'light' : 'filled'}
              leftSection={
                playing ? <IconPlayerStop size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />
              }
              onClick={toggle}
              aria-expanded={playing}
              aria-label={`${playing ? 'Close the player of' : 'Play'} ${recording.name}`}
            >
              {playing ? 'Close player' : 'Play'}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={download.isPending}
              onClick={() => download.mutate({ path: paths.download, name: recording.name })}
              aria-label={`Download ${recording.name}`}
            >
              Download
            </Button>
            {mayDelete && <DeleteRecordingButton recording={recording} />}
          </Group>
        </Group>
        {download.error && (
          <Text size="sm" c="red.8" role="alert">
            Download failed: {errorMessage(download.error)}
          </Text>
        )}
        {playing && (
          <AudioPlayer
            src={paths.playable}
            label={`Recording ${recording.name}`}
            downloadPath={paths.download}
            downloadName={recording.name}
          />
        )}
      </Stack>
    </Paper>
  );
}
