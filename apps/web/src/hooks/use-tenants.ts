import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { BodyOf, ResponseOf } from '../api/api-types';
import { allPages, PAGE_LIMIT } from './all-pages';

export type TenantList = ResponseOf<'/api/tenants', 'get'>;
export type Tenant = ResponseOf<'/api/tenants/{tenantId}', 'get'>;
export type CreateTenantBody = BodyOf<'/api/tenants', 'post'>;
export type UpdateTenantBody = BodyOf<'/api/tenants/{tenantId}', 'patch'>;

export const tenantKeys = {
  all: ['tenants'] as const,
  list: () => [...tenantKeys.all, 'list'] as const,
  everyPage: () => [...tenantKeys.all, 'every-page'] as const,
  detail: (tenantId: string) => [...tenantKeys.all, 'detail', tenantId] as const,
};

/** Every tenant the key may see: all of them for a platform admin (no tenant of its own), its own otherwise. */
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

/** Every tenant, all pages read (the settings list must not stop at the first page). */
export function useAllTenants(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: tenantKeys.everyPage(),
    enabled,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.client.GET('/api/tenants', { params: { query: { limit: PAGE_LIMIT, cursor } } })),
      ),
  });
}

export function useCreateTenant() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenantBody) => unwrap(api.client.POST('/api/tenants', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantKeys.all }),
  });
}

export function useUpdateTenant() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tenantId, body }: { tenantId: string; body: UpdateTenantBody }) =>
      unwrap(api.client.PATCH('/api/tenants/{tenantId}', { params: { path: { tenantId } }, body })),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantKeys.detail(tenant.id), tenant);
      return queryClient.invalidateQueries({ queryKey: tenantKeys.all });
    },
  });
}

export function useDeleteTenant() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenantId: string) =>
      unwrap(api.client.DELETE('/api/tenants/{tenantId}', { params: { path: { tenantId } } })),
    onSuccess: (_data, tenantId) => {
      queryClient.removeQueries({ queryKey: tenantKeys.detail(tenantId) });
      return queryClient.invalidateQueries({ queryKey: tenantKeys.all });
    },
  });
}
