import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { useRenameSound, type Sound } from '../../hooks/use-sounds';
import { sanitiseSoundName, soundNameProblem } from './sound-name';

interface RenameSoundModalProps {
  sound: Sound;
  opened: boolean;
  onClose: () => void;
}

/** Renames a sound (the server moves its PBX files); shows the name as it will be stored. */
export function RenameSoundModal({ sound, opened, onClose }: RenameSoundModalProps) {
  const rename = useRenameSound();
  const [value, setValue] = useState(sound.name);
  const [touched, setTouched] = useState(false);
  const problem = soundNameProblem(value, sound.name);
  const serverFieldError =
    rename.error instanceof ApiError && (rename.error.status === 409 || rename.error.status === 400)
      ? rename.error.message
      : null;
  const stored = sanitiseSoundName(value);
  const playbackDir = sound.playback.slice(0, sound.playback.lastIndexOf('/') + 1);

  const close = () => {
    rename.reset();
    setValue(sound.name);
    setTouched(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    rename.mutate(
      { soundId: sound.id, name: value.trim() },
      {
        onSuccess: (renamed) => {
          notifications.show({ color: 'teal', message: `Renamed to “${renamed.name}”` });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={`Rename “${sound.name}”`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="New name"
            description="Letters, digits, - and _; other characters become -."
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              rename.reset();
            }}
            onBlur={() => setTouched(true)}
            error={(touched && problem) || serverFieldError}
            maxLength={200}
            data-autofocus
            required
          />
          {stored !== '' && stored !== sound.name && (
            <Text size="sm" c="gray.7">
              Dialplans will play it as{' '}
              <Text span ff="monospace" fw={600}>
                {playbackDir}
                {stored}
              </Text>
              ; anything that plays{' '}
              <Text span ff="monospace">
                {sound.playback}
              </Text>{' '}
              must be changed.
            </Text>
          )}
          {rename.error && !serverFieldError && (
            <Alert color="red" role="alert">
              {errorMessage(rename.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
