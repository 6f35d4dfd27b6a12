import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { useUpdateSound, type Sound, type SoundChanges } from '../../hooks/use-sounds';
import { descriptionProblem, sanitiseSoundName, soundNameProblem, storedDescription } from './sound-name';

interface EditSoundModalProps {
  sound: Sound;
  opened: boolean;
  onClose: () => void;
}

/**
 * Renames a sound (the server moves its PBX files; the name as it will be stored is shown) and edits its
 * description (blank clears it). Only what changed is sent.
 */
export function EditSoundModal({ sound, opened, onClose }: EditSoundModalProps) {
  const update = useUpdateSound();
  const [name, setName] = useState(sound.name);
  const [description, setDescription] = useState(sound.description ?? '');
  const [touched, setTouched] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const nameProblem = soundNameProblem(name);
  const descProblem = descriptionProblem(description);
  // A name in use is the name field's error; anything else the server refuses shows under the form.
  const nameTaken =
    update.error instanceof ApiError && update.error.status === 409 ? update.error.message : null;
  const stored = sanitiseSoundName(name);
  const playbackDir = sound.playback.slice(0, sound.playback.lastIndexOf('/') + 1);

  const close = () => {
    update.reset();
    setName(sound.name);
    setDescription(sound.description ?? '');
    setTouched(false);
    setUnchanged(false);
    onClose();
  };
  const edited = () => {
    update.reset();
    setUnchanged(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nameProblem || descProblem) return;
    const changes: SoundChanges = {};
    if (stored !== sound.name) changes.name = name.trim();
    const newDescription = storedDescription(description);
    if (newDescription !== sound.description) changes.description = newDescription;
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    update.mutate(
      { soundId: sound.id, changes },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: changes.name ? `Renamed to “${saved.name}”` : `Saved “${saved.name}”`,
          });
          close();
        },
      },
    );
  };

  const generalError = update.error && !nameTaken;
  return (
    <Modal opened={opened} onClose={close} title={`Edit “${sound.name}”`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            description="Letters, digits, - and _; other characters become -."
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              edited();
            }}
            onBlur={() => setTouched(true)}
            error={(touched && nameProblem) || nameTaken}
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
          <TextInput
            label="Description"
            description="What it says or where it is played; leave blank for none."
            value={description}
            onChange={(e) => {
              setDescription(e.currentTarget.value);
              edited();
            }}
            onBlur={() => setTouched(true)}
            error={touched && descProblem}
            maxLength={500}
          />
          {unchanged && (
            <Text size="sm" c="gray.7" role="status">
              Nothing to save: change the name or the description.
            </Text>
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {errorMessage(update.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
