import { Alert, Button, Code, CopyButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconCopy, IconPencil, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../components/states';
import { WaveformPlayer } from '../../components/waveform-player';
import { useSound } from '../../hooks/use-sounds';
import type { SoundUpload, UploadRequest } from '../../hooks/use-upload-sounds';
import { DeleteSoundModal } from './delete-sound-modal';
import { EditSoundModal } from './edit-sound-modal';
import { formatDateTime, usageText } from './sound-format';
import { SoundStatusBadge } from './sound-status-badge';
import { SoundVersions } from './sound-versions';
import { UploadList } from './upload-list';

interface SoundDetailsProps {
  soundId: string;
  canEdit: boolean;
  uploads: SoundUpload[];
  onUpload: (request: UploadRequest) => void;
  onCancelUpload: (id: number) => void;
  onDismissUpload: (id: number) => void;
  onDeleted: () => void;
}

/** One sound: its player, where the dialplan finds it, its versions, and (for operators) edit/new version/delete. */
export function SoundDetails(props: SoundDetailsProps) {
  const { soundId, canEdit } = props;
  const sound = useSound(soundId);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);

  if (sound.isLoading) return <LoadingState label="Loading the sound…" />;
  if (sound.error || !sound.data)
    return <ErrorState error={sound.error} onRetry={() => void sound.refetch()} />;
  const s = sound.data;
  const uploads = props.uploads.filter((u) => u.soundName === s.name);

  return (
    <Stack gap="md">
      <Group gap="xs">
        <SoundStatusBadge status={s.status} />
        <Text size="sm" c="gray.7">
          {usageText(s)}
        </Text>
      </Group>
      {s.status === 'failed' && s.error && (
        <Alert color="red" title="The latest version failed to convert">
          {s.error}
        </Alert>
      )}
      <WaveformPlayer soundId={s.id} versionId={s.activeVersion?.id ?? null} name={s.name} />
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Play it from the dialplan as
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ overflowWrap: 'anywhere' }}>{s.playback}</Code>
          <CopyButton value={s.playback}>
            {({ copied, copy }) => (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconCopy size={12} />}
                onClick={copy}
                aria-label={`Copy ${s.playback}`}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        {s.description && <Text size="sm">{s.description}</Text>}
        <Text size="xs" c="gray.7">
          Created {formatDateTime(s.createdAt)}
        </Text>
      </Stack>
      {canEdit && (
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
            Edit
          </Button>
          <FileButton
            onChange={(file) => file && props.onUpload({ files: [file], soundName: s.name })}
            inputProps={{ 'aria-label': 'New version file', 'data-testid': 'version-file-input' } as object}
          >
            {(buttonProps) => (
              <Button {...buttonProps} variant="default" leftSection={<IconUpload size={16} />}>
                Upload a new version
              </Button>
            )}
          </FileButton>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => setDialog('delete')}
          >
            Delete
          </Button>
        </Group>
      )}
      <UploadList uploads={uploads} onCancel={props.onCancelUpload} onDismiss={props.onDismissUpload} />
      <SoundVersions soundId={s.id} name={s.name} canEdit={canEdit} />
      {canEdit && (
        <>
          {dialog === 'edit' && <EditSoundModal sound={s} opened onClose={() => setDialog(null)} />}
          <DeleteSoundModal
            sound={s}
            opened={dialog === 'delete'}
            onClose={() => setDialog(null)}
            onDeleted={() => {
              setDialog(null);
              props.onDeleted();
            }}
          />
        </>
      )}
    </Stack>
  );
}
