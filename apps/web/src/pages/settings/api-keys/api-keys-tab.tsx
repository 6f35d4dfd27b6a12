import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { QueryList } from '../../../components/query-list';
import {
  useApiKeys,
  useRevokeApiKey,
  type ApiKey,
  type CreatedApiKey,
  type KeyOwner,
} from '../../../hooks/use-api-keys';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { formatDateTime } from '../shared/format-date';
import { notifyDone, notifyFailed } from '../shared/notify';
import { RowActions } from '../shared/row-actions';
import { SettingsTable, type SettingsColumn } from '../shared/settings-table';
import { StatusBadge } from '../shared/status-badge';
import { TenantRequired } from '../shared/tenant-required';
import { CreateApiKeyModal } from './create-api-key-modal';
import { CreatedKeyModal } from './created-key-modal';

/**
 * The tenant's API keys: create one (its secret shown once), revoke one. A platform key (no tenant: the
 * first-start key, `ADMIN_API_KEY`, or one made here) also manages the platform keys, below the tenant's.
 */
export function ApiKeysTab() {
  const session = useSession();
  const tenantKeys = (
    <TenantRequired what="API keys">{(tenantId) => <ApiKeyList owner={{ tenantId }} />}</TenantRequired>
  );
  if (session.principal.tenantId !== null) return tenantKeys;
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="tenant-keys-title">
        <Title order={3} size="h4" id="tenant-keys-title">
          Keys of the tenant
        </Title>
        {tenantKeys}
      </Stack>
      <Stack component="section" aria-labelledby="platform-keys-title">
        <Title order={3} size="h4" id="platform-keys-title">
          Platform keys
        </Title>
        <ApiKeyList owner="platform" />
      </Stack>
    </Stack>
  );
}

const ROLE_COLORS = { admin: 'grape', operator: 'blue', viewer: 'gray' } as const;

const COLUMNS: SettingsColumn[] = [
  { label: 'Name' },
  { label: 'Role' },
  { label: 'Created', visibleFrom: 'sm' },
  { label: 'Last used', visibleFrom: 'sm' },
  { label: 'Status', visibleFrom: 'sm' },
];

function ApiKeyList({ owner }: { owner: KeyOwner }) {
  const session = useSession();
  const keys = useApiKeys(owner);
  const revoke = useRevokeApiKey(owner);
  const platform = owner === 'platform';
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const isOwn = (key: ApiKey) => key.id === session.principal.keyId;

  const list = (
    <QueryList
      query={keys}
      loadingLabel="Loading API keys…"
      emptyTitle={platform ? 'No platform keys' : 'No API keys yet'}
      emptyHint={
        platform
          ? 'Only ADMIN_API_KEY spans every tenant now.'
          : 'Create a key for each person or system that uses the API.'
      }
    >
      {(items) => (
        <SettingsTable columns={COLUMNS}>
          {items.map((key) => (
            <Table.Tr key={key.id} data-testid="api-key-row">
              <Table.Td>
                <Group gap="xs">
                  <Text fw={600}>{key.name}</Text>
                  {isOwn(key) && (
                    <Badge size="sm" variant="filled" color="indigo.9">
                      this session
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" ff="monospace">
                  {key.prefix}…
                </Text>
                <Text size="xs" c={key.revokedAt ? 'red.8' : 'dimmed'} hiddenFrom="sm">
                  {key.revokedAt
                    ? `Revoked ${formatDateTime(key.revokedAt)}`
                    : `Last used ${formatDateTime(key.lastUsedAt)}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={ROLE_COLORS[key.role]}>
                  {key.role}
                </Badge>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDateTime(key.createdAt)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDateTime(key.lastUsedAt)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {key.revokedAt === null ? (
                  <StatusBadge on onLabel="Active" offLabel="Revoked" />
                ) : (
                  <Text size="sm" c="red.8">
                    Revoked {formatDateTime(key.revokedAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {key.revokedAt === null && (
                  <RowActions name={key.name} deleteVerb="Revoke" onDelete={() => setRevoking(key)} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </SettingsTable>
      )}
    </QueryList>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {platform
            ? 'A platform key is an admin of every tenant and creates tenants: keep them few; give each customer an admin key of its own tenant instead.'
            : "Keys are stored hashed and listed by their first characters; a key's secret is shown only once."}
        </Text>
        <Button onClick={() => setCreating(true)}>
          {platform ? 'Create platform key' : 'Create API key'}
        </Button>
      </Group>
      {list}
      {creating && (
        <CreateApiKeyModal
          owner={owner}
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
        />
      )}
      {created && <CreatedKeyModal created={created} onClose={() => setCreated(null)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel={revoking && isOwn(revoking) ? 'Revoke and sign out' : 'Revoke key'}
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          const key = revoking!;
          revoke.mutate(key.id, {
            onSuccess: () => {
              setRevoking(null);
              if (isOwn(key)) session.signOut();
              else notifyDone(`API key ${key.name} revoked`);
            },
            onError: (error) => notifyFailed('Key not revoked', error),
          });
        }}
      >
        {revoking && isOwn(revoking) && (
          <Alert color="red" title="This is the key you are signed in with" role="alert">
            Revoking it signs you out at once, and you will need another key to sign in again.
          </Alert>
        )}
        <Text size="sm">Anything using this key is refused from now on. Revoking cannot be undone.</Text>
      </ConfirmDialog>
    </Stack>
  );
}
