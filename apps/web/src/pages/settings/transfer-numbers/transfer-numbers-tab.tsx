import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryList } from '../../../components/query-list';
import {
  useDeleteTransferNumber,
  useTransferNumbers,
  type TransferNumber,
} from '../../../hooks/use-transfer-numbers';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { formatDateTime } from '../shared/format-date';
import { notifyDone, notifyFailed } from '../shared/notify';
import { TenantRequired } from '../shared/tenant-required';
import { RowActions } from '../shared/row-actions';
import { SettingsTable, type SettingsColumn } from '../shared/settings-table';
import { StatusBadge } from '../shared/status-badge';
import { ShareBar } from './share-bar';
import { TransferNumberFormModal } from './transfer-number-form-modal';
import { transferShares } from './transfer-share';

/** The tenant's transfer numbers with their weights and the share of transfers each gets. */
export function TransferNumbersTab() {
  return (
    <TenantRequired what="Transfer numbers">
      {(tenantId) => <TenantTransferNumbers tenantId={tenantId} />}
    </TenantRequired>
  );
}

type Editing = { number?: TransferNumber } | null;

const COLUMNS: SettingsColumn[] = [
  { label: 'Number' },
  { label: 'Status', visibleFrom: 'sm' },
  { label: 'Weight', visibleFrom: 'sm' },
  { label: 'Share' },
  { label: 'Now (cap)', visibleFrom: 'sm' },
  { label: 'Total / last used', visibleFrom: 'sm' },
];

function TenantTransferNumbers({ tenantId }: { tenantId: string }) {
  const numbers = useTransferNumbers(tenantId);
  const remove = useDeleteTransferNumber(tenantId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TransferNumber | null>(null);

  const list = (
    <QueryList
      query={numbers}
      loadingLabel="Loading transfer numbers…"
      emptyTitle="No transfer numbers yet"
      emptyHint="Add the numbers answered calls may be transferred to; weights set how often each is picked."
    >
      {(items) => {
        const shares = transferShares(items);
        const totalWeight = items.filter((n) => n.enabled).reduce((sum, n) => sum + n.weight, 0);
        return (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              A number&apos;s share is its weight over the sum of the active weights ({totalWeight}).
            </Text>
            <SettingsTable columns={COLUMNS}>
              {items.map((n) => (
                <Table.Tr key={n.id} data-testid="transfer-number-row">
                  <Table.Td>
                    <Text fw={600} ff="monospace">
                      {n.number}
                    </Text>
                    {n.label && (
                      <Text size="xs" c="dimmed">
                        {n.label}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      weight {n.weight}
                      {!n.enabled && ' · inactive'}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <StatusBadge on={n.enabled} onLabel="Active" offLabel="Inactive" />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{n.weight}</Table.Td>
                  <Table.Td>
                    <ShareBar share={shares.get(n.id) ?? 0} label={`Share of ${n.number}`} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    {n.activeCalls} / {n.concurrentCap ?? 'no cap'}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm">{n.totalUses} transfers</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.lastUsedAt, 'never used')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={n.number}
                      onEdit={() => setEditing({ number: n })}
                      onDelete={() => setDeleting(n)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </SettingsTable>
          </Stack>
        );
      }}
    </QueryList>
  );

  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setEditing({})} disabled={!numbers.data}>
          Add transfer number
        </Button>
      </Group>
      {list}
      {editing && numbers.data && (
        <TransferNumberFormModal
          tenantId={tenantId}
          numbers={numbers.data}
          number={editing.number}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete transfer number ${deleting?.number ?? ''}?`}
        confirmLabel="Delete number"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const n = deleting!;
          remove.mutate(n.id, {
            onSuccess: () => {
              notifyDone(`Transfer number ${n.number} deleted`);
              setDeleting(null);
            },
            onError: (error) => notifyFailed('Transfer number not deleted', error),
          });
        }}
      >
        <Text size="sm">
          Calls will no longer be transferred to this number; the others share its weight.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
