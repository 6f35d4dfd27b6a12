import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { ResponseOf } from '../api/api-types';

export type TenantList = ResponseOf<'/api/tenants', 'get'>;
export type Tenant = ResponseOf<'/api/tenants/{tenantId}', 'get'>;

export const tenantKeys = {
  all: ['tenants'] as const,
  list: () => [...tenantKeys.all, 'list'] as const,
  detail: (tenantId: string) => [...tenantKeys.all, 'detail', tenantId] as const,
};

/** Every tenant the key may see (all of them for an admin, its own otherwise). */
export function useTenants(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: tenantKeys.list(),
    enabled,
    queryFn: () => unwrap(api.client.GET('/api/tenants')),
  });
}

export function useTenant(tenantId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: tenantKeys.detail(tenantId ?? ''),
    enabled: tenantId !== null,
    queryFn: () =>
      unwrap(api.client.GET('/api/tenants/{tenantId}', { params: { path: { tenantId: tenantId! } } })),
  });
}
