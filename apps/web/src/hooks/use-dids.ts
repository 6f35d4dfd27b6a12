import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { BodyOf, ResponseOf } from '../api/api-types';
import { allPages, PAGE_LIMIT } from './all-pages';

export type Did = ResponseOf<'/api/tenants/{tenantId}/dids/{didId}', 'get'>;
export type CreateDidBody = BodyOf<'/api/tenants/{tenantId}/dids', 'post'>;
export type UpdateDidBody = BodyOf<'/api/tenants/{tenantId}/dids/{didId}', 'patch'>;

export const didKeys = {
  all: ['dids'] as const,
  tenant: (tenantId: string) => [...didKeys.all, tenantId] as const,
  list: (tenantId: string) => [...didKeys.tenant(tenantId), 'list'] as const,
};

/** Every DID (caller ID) of a tenant with its usage, all pages read. */
export function useDids(tenantId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: didKeys.list(tenantId ?? ''),
    enabled: tenantId !== null,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.client.GET('/api/tenants/{tenantId}/dids', {
            params: { path: { tenantId: tenantId! }, query: { limit: PAGE_LIMIT, cursor } },
          }),
        ),
      ),
  });
}

export function useCreateDid(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDidBody) =>
      unwrap(api.client.POST('/api/tenants/{tenantId}/dids', { params: { path: { tenantId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: didKeys.tenant(tenantId) }),
  });
}

export function useUpdateDid(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ didId, body }: { didId: string; body: UpdateDidBody }) =>
      unwrap(
        api.client.PATCH('/api/tenants/{tenantId}/dids/{didId}', {
          params: { path: { tenantId, didId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: didKeys.tenant(tenantId) }),
  });
}

export function useDeleteDid(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (didId: string) =>
      unwrap(
        api.client.DELETE('/api/tenants/{tenantId}/dids/{didId}', { params: { path: { tenantId, didId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: didKeys.tenant(tenantId) }),
  });
}
