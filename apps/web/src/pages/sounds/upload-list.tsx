import { Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isFinished, type SoundUpload } from '../../hooks/use-upload-sounds';
import { formatBytes } from '../../lib/format-bytes';

interface UploadListProps {
  uploads: SoundUpload[];
  onCancel: (id: number) => void;
  onDismiss: (id: number) => void;
  onClearFinished?: () => void;
  /** Opens the sound an upload made. */
  onOpen?: (soundId: string) => void;
}

const FORMATS = 'wav, ulaw, alaw, gsm and sln16';

function phaseText(upload: SoundUpload): string {
  switch (upload.phase) {
    case 'queued':
      return 'Waiting for the uploads before it';
    case 'uploading':
      return `Uploading… ${Math.round(upload.sent * 100)}%`;
    case 'checking':
      return 'Uploaded; the server is checking the audio…';
    case 'converting':
      return `Converting to ${FORMATS}…`;
    case 'ready':
      return `Ready as “${upload.soundName ?? ''}”${upload.version && upload.version > 1 ? ` (version ${upload.version})` : ''}`;
    case 'failed':
      return `Conversion failed: ${upload.error ?? 'unknown error'}`;
    case 'refused':
      return `Refused: ${upload.error ?? 'unknown error'}`;
    case 'cancelled':
      return 'Cancelled';
  }
}

/** A bar with its caption on the left, so the upload and the conversion can be told apart. */
function LabelledBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c="gray.7" w={72} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ flex: 1 }}>{children}</div>
    </Group>
  );
}

function UploadRow({ upload, onCancel, onDismiss, onOpen }: { upload: SoundUpload } & UploadListProps) {
  const finished = isFinished(upload);
  const bad = upload.phase === 'refused' || upload.phase === 'failed';
  const sending = upload.phase === 'uploading' || upload.phase === 'queued';
  const converted = upload.phase === 'queued' || upload.phase === 'uploading' ? 0 : 100;
  return (
    <Paper withBorder p="sm" data-testid="upload-row" data-phase={upload.phase}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} size="sm" truncate="end" title={upload.fileName}>
            {upload.fileName}{' '}
            <Text span c="gray.7" size="xs" fw={400}>
              {formatBytes(upload.size)}
            </Text>
          </Text>
          <Group gap={6} wrap="nowrap" align="flex-start">
            {upload.phase === 'ready' && <IconCircleCheck size={16} color="var(--mantine-color-teal-8)" />}
            {bad && <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" />}
            <Text
              size="sm"
              c={bad ? 'red.8' : upload.phase === 'ready' ? 'teal.9' : 'dark.4'}
              role={bad ? 'alert' : undefined}
              data-testid="upload-phase"
            >
              {phaseText(upload)}
            </Text>
          </Group>
          {upload.errorCode === 'unsupported-media-type' && (
            <Text size="xs" c="gray.7">
              Raw telephone audio (no header) is recognised by its extension: .gsm, .ulaw or .alaw.
            </Text>
          )}
        </Stack>
        {finished ? (
          <Group gap={4} wrap="nowrap">
            {upload.phase === 'ready' && upload.soundId && onOpen && (
              <Button size="compact-sm" variant="light" onClick={() => onOpen(upload.soundId!)}>
                Open
              </Button>
            )}
            <CloseButton aria-label={`Dismiss ${upload.fileName}`} onClick={() => onDismiss(upload.id)} />
          </Group>
        ) : (
          (upload.phase === 'queued' || upload.phase === 'uploading') && (
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onCancel(upload.id)}>
              Cancel
            </Button>
          )
        )}
      </Group>
      {upload.phase !== 'refused' && upload.phase !== 'cancelled' && (
        <Stack gap={4} mt={6}>
          <LabelledBar label="Upload">
            <Progress
              aria-label={`Upload of ${upload.fileName}`}
              value={Math.round(upload.sent * 100)}
              color={sending ? 'indigo' : 'teal'}
              striped={upload.phase === 'checking'}
              animated={upload.phase === 'checking'}
            />
          </LabelledBar>
          {!sending && upload.phase !== 'checking' && (
            <LabelledBar label="Conversion">
              <Progress
                aria-label={`Conversion of ${upload.fileName}`}
                value={converted}
                color={upload.phase === 'failed' ? 'red' : upload.phase === 'ready' ? 'teal' : 'blue'}
                striped={upload.phase === 'converting'}
                animated={upload.phase === 'converting'}
              />
            </LabelledBar>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Each upload with its own progress: the bytes going out, then the conversion, then ready or why not. */
export function UploadList(props: UploadListProps) {
  const { uploads, onClearFinished } = props;
  if (uploads.length === 0) return null;
  const anyFinished = uploads.some(isFinished);
  return (
    <Stack gap="xs" aria-label="Uploads" role="region">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Uploads
        </Text>
        {anyFinished && onClearFinished && (
          <Button size="compact-xs" variant="subtle" onClick={onClearFinished}>
            Clear finished
          </Button>
        )}
      </Group>
      {uploads.map((upload) => (
        <UploadRow key={upload.id} upload={upload} {...props} />
      ))}
    </Stack>
  );
}
