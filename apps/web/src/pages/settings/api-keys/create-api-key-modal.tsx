import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import type { Role } from '../../../auth/session';
import { useCreateApiKey, type CreatedApiKey, type KeyOwner } from '../../../hooks/use-api-keys';
import { SettingsModal } from '../shared/settings-modal';
import { API_KEY_ROLE_OPTIONS, roleDescription } from './api-key-roles';

export interface CreateApiKeyModalProps {
  owner: KeyOwner;
  onClose: () => void;
  /** The key just created, secret included: the caller shows it once and forgets it. */
  onCreated: (key: CreatedApiKey) => void;
}

/** Names a new key and picks its role (a platform key is always admin of every tenant). */
export function CreateApiKeyModal({ owner, onClose, onCreated }: CreateApiKeyModalProps) {
  const create = useCreateApiKey(owner);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [attempted, setAttempted] = useState(false);
  const nameError =
    name.trim() === ''
      ? 'Required: say what the key is for'
      : name.trim().length > 100
        ? 'At most 100 characters'
        : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (nameError) return;
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (key) => {
          create.reset(); // the secret is handed over, not kept in the mutation's state
          onCreated(key);
        },
      },
    );
  };

  return (
    <SettingsModal
      opened
      onClose={onClose}
      title={owner === 'platform' ? 'Create a platform key' : 'Create an API key'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            description='What the key is for, e.g. "CRM integration"'
            required
            data-autofocus
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={attempted ? nameError : undefined}
          />
          {owner === 'platform' ? (
            <Text size="sm">
              Role: admin of every tenant. It can create and delete tenants and platform keys.
            </Text>
          ) : (
            <Select
              label="Role"
              description={roleDescription(role)}
              data={API_KEY_ROLE_OPTIONS.map(({ value, label }) => ({ value, label }))}
              value={role}
              allowDeselect={false}
              onChange={(value) => value && setRole(value as Role)}
            />
          )}
          {create.isError && (
            <Alert color="red" title="Key not created" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsModal>
  );
}
