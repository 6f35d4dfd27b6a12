import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { ErrorState } from '../../components/states';
import { useDeleteRecording, type Recording } from '../../hooks/use-recordings';

/** "Delete", asking first; the recording's file is gone for good once confirmed. */
export function DeleteRecordingButton({ recording }: { recording: Recording }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteRecording();
  const confirm = () =>
    remove.mutate(recording.id, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'green', message: `Recording ${recording.name} deleted` });
      },
    });
  return (
    <>
      <Button
        variant="subtle"
        color="red.9"
        size="compact-sm"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => {
          remove.reset();
          open();
        }}
        aria-label={`Delete ${recording.name}`}
      >
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this recording?" centered>
        <Stack>
          <Text size="sm">
            <Text span fw={600}>
              {recording.name}
            </Text>{' '}
            will be deleted from the PBX's recordings folder. This can not be undone.
          </Text>
          {remove.error && <ErrorState error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={confirm}>
              Delete recording
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
