import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/api-error';
import { useDeleteSound, type Sound } from '../../hooks/use-sounds';
import { usageText } from './sound-format';

interface DeleteSoundModalProps {
  sound: Sound;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting a sound, and says so plainly when calls have been playing it. */
export function DeleteSoundModal({ sound, opened, onClose, onDeleted }: DeleteSoundModalProps) {
  const remove = useDeleteSound();
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () =>
    remove.mutate(sound.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `Deleted “${sound.name}”` });
        onDeleted();
      },
    });
  const versions = sound.versionCount === 1 ? 'its only version' : `all ${sound.versionCount} versions`;
  return (
    <Modal opened={opened} onClose={close} title={`Delete “${sound.name}”?`} centered>
      <Stack gap="sm">
        {sound.usageCount > 0 && (
          <Alert color="orange" title="This sound is in use">
            {usageText(sound)}. Calls that play{' '}
            <Text span ff="monospace">
              {sound.playback}
            </Text>{' '}
            will play nothing once it is deleted.
          </Alert>
        )}
        <Text size="sm">This deletes {versions} and its files on the PBX. It cannot be undone.</Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Keep it
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            Delete sound
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
