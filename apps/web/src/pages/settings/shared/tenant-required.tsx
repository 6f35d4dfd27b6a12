import { Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSession } from '../../../auth/session';
import { ErrorState, LoadingState } from '../../../components/states';
import { useAllTenants } from '../../../hooks/use-tenants';

/**
 * Renders its children with the session's tenant; the super-admin who has not picked one yet is asked to
 * pick it here (the same choice as the header's tenant picker).
 */
export function TenantRequired({
  what,
  children,
}: {
  what: string;
  children: (tenantId: string) => ReactNode;
}) {
  const session = useSession();
  const tenants = useAllTenants(session.tenantId === null);
  if (session.tenantId !== null) return children(session.tenantId);
  if (tenants.isPending) return <LoadingState label="Loading tenants…" />;
  if (tenants.isError) return <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />;
  return (
    <Stack align="center" py="xl" gap="sm">
      <Text fw={600}>Pick a tenant</Text>
      <Text c="dimmed" size="sm" ta="center">
        {what} belong to a tenant. Pick one here or in the header.
      </Text>
      {tenants.data.length === 0 ? (
        <Text size="sm">There are no tenants yet: create one in the Tenants tab.</Text>
      ) : (
        <Select
          label="Tenant"
          placeholder="Pick a tenant"
          w={280}
          searchable
          data={tenants.data.map((t) => ({ value: t.id, label: t.name }))}
          value={null}
          onChange={(value) => value && session.setTenantId(value)}
        />
      )}
    </Stack>
  );
}
