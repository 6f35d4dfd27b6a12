import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useDeleteDid, useDids, type Did } from '../../../hooks/use-dids';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { formatDateTime } from '../shared/format-date';
import { notifyDone, notifyFailed } from '../shared/notify';
import { RowActions } from '../shared/row-actions';
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

function TenantDids({ tenantId }: { tenantId: string }) {
  const dids = useDids(tenantId);
  const remove = useDeleteDid(tenantId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Did | null>(null);

  let list;
  if (dids.isPending) list = <LoadingState label="Loading DIDs…" />;
  else if (dids.isError) list = <ErrorState error={dids.error} onRetry={() => void dids.refetch()} />;
  else if (dids.data.length === 0)
    list = <EmptyState title="No DIDs yet">Add the numbers your calls may show as caller ID.</EmptyState>;
  else
    list = (
      <Table.ScrollContainer minWidth={340}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Number</Table.Th>
              <Table.Th visibleFrom="sm">Status</Table.Th>
              <Table.Th>Today (cap)</Table.Th>
              <Table.Th visibleFrom="sm">Total calls</Table.Th>
              <Table.Th visibleFrom="sm">Last used</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dids.data.map((did) => (
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
