import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../../auth/session';
import { QueryList } from '../../../components/query-list';
import { ErrorState, LoadingState } from '../../../components/states';
import {
  useAllTenants,
  useCreateTenant,
  useDeleteTenant,
  useTenant,
  useUpdateTenant,
  type Tenant,
} from '../../../hooks/use-tenants';
import { didRotationLabel } from '../dids/did-rotation';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { notifyDone, notifyFailed } from '../shared/notify';
import { RowActions } from '../shared/row-actions';
import { SettingsTable, type SettingsColumn } from '../shared/settings-table';
import { StatusBadge } from '../shared/status-badge';
import { SettingsModal } from '../shared/settings-modal';
import { TenantForm } from './tenant-form';

/**
 * The super-admin (a key without a tenant) lists, creates, edits and deletes tenants; an admin bound to a
 * tenant sees and edits only its own tenant's settings.
 */
export function TenantsTab() {
  const session = useSession();
  return session.principal.tenantId === null ? (
    <AllTenants />
  ) : (
    <OwnTenant tenantId={session.principal.tenantId} />
  );
}

function OwnTenant({ tenantId }: { tenantId: string }) {
  const tenant = useTenant(tenantId);
  const update = useUpdateTenant();
  if (tenant.isPending) return <LoadingState label="Loading your tenant…" />;
  if (tenant.isError) return <ErrorState error={tenant.error} onRetry={() => void tenant.refetch()} />;
  return (
    <Stack>
      <Title order={3} size="h4">
        {tenant.data.name}
      </Title>
      <TenantForm
        key={tenant.data.updatedAt}
        tenant={tenant.data}
        submitLabel="Save settings"
        busy={update.isPending}
        submitError={update.error}
        onSubmit={(body) =>
          update.mutate({ tenantId, body }, { onSuccess: () => notifyDone('Tenant settings saved') })
        }
      />
    </Stack>
  );
}

/** A tenant's call limits in a few words: `20 at once · 5 per second`, or `No limits`. */
function callLimits(tenant: Tenant): string {
  const limits = [
    tenant.maxConcurrentCalls === null ? null : `${tenant.maxConcurrentCalls} at once`,
    tenant.callsPerSecond === null ? null : `${tenant.callsPerSecond} per second`,
  ].filter((limit) => limit !== null);
  return limits.length === 0 ? 'No limits' : limits.join(' · ');
}

type Editing = { mode: 'create' } | { mode: 'edit'; tenant: Tenant } | null;

const COLUMNS: SettingsColumn[] = [
  { label: 'Tenant' },
  { label: 'Country', visibleFrom: 'sm' },
  { label: 'Caller ID rotation', visibleFrom: 'md' },
  { label: 'Limits', visibleFrom: 'md' },
  { label: 'Status' },
];

function AllTenants() {
  const session = useSession();
  const navigate = useNavigate();
  const tenants = useAllTenants();
  const create = useCreateTenant();
  const update = useUpdateTenant();
  const remove = useDeleteTenant();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Tenant | null>(null);
  const [confirmSlug, setConfirmSlug] = useState('');

  const closeEditor = () => {
    setEditing(null);
    create.reset();
    update.reset();
  };
  const closeDelete = () => {
    setDeleting(null);
    setConfirmSlug('');
  };

  const toolbar = (
    <Group justify="space-between">
      <Text c="dimmed" size="sm">
        Every tenant on this Switchboard. To work on its DIDs, numbers and keys, pick it with the arrow in its
        row or in the header.
      </Text>
      <Button onClick={() => setEditing({ mode: 'create' })}>New tenant</Button>
    </Group>
  );

  const body = (
    <QueryList
      query={tenants}
      loadingLabel="Loading tenants…"
      emptyTitle="No tenants yet"
      emptyHint="Create the first tenant to start placing calls."
    >
      {(items) => (
        <SettingsTable columns={COLUMNS}>
          {items.map((tenant) => (
            <Table.Tr key={tenant.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text fw={600}>{tenant.name}</Text>
                  {session.tenantId === tenant.id && (
                    <Badge size="sm" variant="filled" color="indigo.9">
                      picked
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {tenant.slug}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{tenant.defaultCountry}</Table.Td>
              <Table.Td visibleFrom="md">{didRotationLabel(tenant.didRotation)}</Table.Td>
              <Table.Td visibleFrom="md">
                <Text size="sm">{callLimits(tenant)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge on={tenant.enabled} onLabel="Enabled" offLabel="Disabled" />
              </Table.Td>
              <Table.Td>
                <RowActions
                  name={tenant.name}
                  onEdit={() => setEditing({ mode: 'edit', tenant })}
                  onDelete={() => setDeleting(tenant)}
                  leading={
                    <Tooltip label="Work on its DIDs, numbers and keys">
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={`Work on ${tenant.name}`}
                        onClick={() => {
                          session.setTenantId(tenant.id);
                          void navigate('/settings/dids');
                        }}
                      >
                        <IconArrowRight size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </SettingsTable>
      )}
    </QueryList>
  );

  return (
    <Stack>
      {toolbar}
      {body}
      <SettingsModal
        opened={editing !== null}
        onClose={closeEditor}
        title={editing?.mode === 'edit' ? `Edit ${editing.tenant.name}` : 'New tenant'}
        size="xl"
      >
        {editing?.mode === 'create' && (
          <TenantForm
            submitLabel="Create tenant"
            busy={create.isPending}
            submitError={create.error}
            onCancel={closeEditor}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (tenant) => {
                  notifyDone(`Tenant ${tenant.name} created`);
                  closeEditor();
                },
              })
            }
          />
        )}
        {editing?.mode === 'edit' && (
          <TenantForm
            tenant={editing.tenant}
            submitLabel="Save settings"
            busy={update.isPending}
            submitError={update.error}
            onCancel={closeEditor}
            onSubmit={(body) =>
              update.mutate(
                { tenantId: editing.tenant.id, body },
                {
                  onSuccess: (tenant) => {
                    notifyDone(`Settings of ${tenant.name} saved`);
                    closeEditor();
                  },
                },
              )
            }
          />
        )}
      </SettingsModal>
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete tenant"
        confirmDisabled={confirmSlug !== deleting?.slug}
        busy={remove.isPending}
        onClose={closeDelete}
        onConfirm={() => {
          const tenant = deleting!;
          remove.mutate(tenant.id, {
            onSuccess: () => {
              if (session.tenantId === tenant.id) session.setTenantId(null);
              notifyDone(`Tenant ${tenant.name} deleted`);
              closeDelete();
            },
            onError: (error) => notifyFailed('Tenant not deleted', error),
          });
        }}
      >
        <Text size="sm">
          This deletes the tenant and everything it owns: its DIDs, transfer numbers, sounds, call logs and
          API keys. It cannot be undone.
        </Text>
        <TextInput
          label={`Type ${deleting?.slug ?? ''} to confirm`}
          value={confirmSlug}
          onChange={(event) => setConfirmSlug(event.currentTarget.value)}
          autoComplete="off"
        />
      </ConfirmDialog>
    </Stack>
  );
}
