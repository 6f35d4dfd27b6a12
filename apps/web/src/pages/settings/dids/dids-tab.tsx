import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryList } from '../../../components/query-list';
import { useDeleteDid, useDids, type Did } from '../../../hooks/use-dids';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { formatDateTime } from '../shared/format-date';
import { notifyDone, notifyFailed } from '../shared/notify';
import { RowActions } from '../shared/row-actions';
import { SettingsTable, type SettingsColumn } from '../shared/settings-table';
import { StatusBadge } from '../shared/status-badge';
import { TenantRequired } from '../shared/tenant-required';
import { DidFormModal } from './did-form-modal';
import { DidRotationSelect } from './did-rotation-select';
import { DidUsage } from './did-usage';

/** The tenant's DIDs (caller IDs): how they rotate, their daily caps and today's usage. */
export function DidsTab() {
  return <TenantRequired what="DIDs">{(tenantId) => <TenantDids tenantId={tenantId} />}</TenantRequired>;
}

type Editing = { did?: Did } | null;

const COLUMNS: SettingsColumn[] = [
  { label: 'Number' },
  { label: 'Status', visibleFrom: 'sm' },
  { label: 'Today (cap)' },
  { label: 'Total calls', visibleFrom: 'sm' },
  { label: 'Last used', visibleFrom: 'sm' },
];

function TenantDids({ tenantId }: { tenantId: string }) {
  const dids = useDids(tenantId);
  const remove = useDeleteDid(tenantId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Did | null>(null);

  const list = (
    <QueryList
      query={dids}
      loadingLabel="Loading DIDs…"
      emptyTitle="No DIDs yet"
      emptyHint="Add the numbers your calls may show as caller ID."
    >
      {(items) => (
        <SettingsTable columns={COLUMNS}>
          {items.map((did) => (
            <Table.Tr key={did.id}>
              <Table.Td>
                <Text fw={600} ff="monospace">
                  {did.number}
                </Text>
                {did.label && (
                  <Text size="xs" c="dimmed">
                    {did.label}
                  </Text>
                )}
                {!did.enabled && (
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    inactive
                  </Text>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <StatusBadge on={did.enabled} onLabel="Active" offLabel="Inactive" />
              </Table.Td>
              <Table.Td>
                <DidUsage did={did} />
              </Table.Td>
              <Table.Td visibleFrom="sm">{did.totalUses}</Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDateTime(did.lastUsedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <RowActions
                  name={did.number}
                  onEdit={() => setEditing({ did })}
                  onDelete={() => setDeleting(did)}
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
      <Group justify="space-between" align="flex-end">
        <DidRotationSelect tenantId={tenantId} />
        <Button onClick={() => setEditing({})}>Add DID</Button>
      </Group>
      {list}
      {editing && <DidFormModal tenantId={tenantId} did={editing.did} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete DID ${deleting?.number ?? ''}?`}
        confirmLabel="Delete DID"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const did = deleting!;
          remove.mutate(did.id, {
            onSuccess: () => {
              notifyDone(`DID ${did.number} deleted`);
              setDeleting(null);
            },
            onError: (error) => notifyFailed('DID not deleted', error),
          });
        }}
      >
        <Text size="sm">Calls will no longer use this number as caller ID. Its usage counters are lost.</Text>
      </ConfirmDialog>
    </Stack>
  );
}
