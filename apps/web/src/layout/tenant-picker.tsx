import { Select } from '@mantine/core';
import { useSession } from '../auth/session';
import { useAllTenants, useTenant } from '../hooks/use-tenants';

/** An admin picks the tenant to work on; anyone else sees their own tenant's name. */
export function TenantPicker() {
  const session = useSession();
  const isGlobalAdmin = session.principal.tenantId === null;
  const tenants = useAllTenants(isGlobalAdmin);
  const own = useTenant(isGlobalAdmin ? null : session.tenantId);
  if (!isGlobalAdmin) {
    return (
      <span data-testid="tenant-name" style={{ fontWeight: 600 }}>
        {own.data?.name ?? '…'}
      </span>
    );
  }
  return (
    <Select
      aria-label="Tenant"
      data-testid="tenant-picker"
      placeholder="All tenants"
      size="xs"
      w={180}
      clearable
      data={(tenants.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
      searchable
      nothingFoundMessage="No such tenant"
      value={session.tenantId}
      onChange={session.setTenantId}
    />
  );
}
