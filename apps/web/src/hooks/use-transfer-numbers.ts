import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { BodyOf, ResponseOf } from '../api/api-types';
import { allPages, PAGE_LIMIT } from './all-pages';

export type TransferNumber = ResponseOf<'/api/tenants/{tenantId}/transfer-numbers/{numberId}', 'get'>;
export type CreateTransferNumberBody = BodyOf<'/api/tenants/{tenantId}/transfer-numbers', 'post'>;
export type UpdateTransferNumberBody = BodyOf<'/api/tenants/{tenantId}/transfer-numbers/{numberId}', 'patch'>;

export const transferNumberKeys = {
  all: ['transfer-numbers'] as const,
  tenant: (tenantId: string) => [...transferNumberKeys.all, tenantId] as const,
  list: (tenantId: string) => [...transferNumberKeys.tenant(tenantId), 'list'] as const,
};

/** Every transfer number of a tenant, all pages read (a share needs every weight). */
export function useTransferNumbers(tenantId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: transferNumberKeys.list(tenantId ?? ''),
    enabled: tenantId !== null,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.client.GET('/api/tenants/{tenantId}/transfer-numbers', {
            params: { path: { tenantId: tenantId! }, query: { limit: PAGE_LIMIT, cursor } },
          }),
        ),
      ),
  });
}

export function useCreateTransferNumber(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTransferNumberBody) =>
      unwrap(
        api.client.POST('/api/tenants/{tenantId}/transfer-numbers', { params: { path: { tenantId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferNumberKeys.tenant(tenantId) }),
  });
}

export function useUpdateTransferNumber(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ numberId, body }: { numberId: string; body: UpdateTransferNumberBody }) =>
      unwrap(
        api.client.PATCH('/api/tenants/{tenantId}/transfer-numbers/{numberId}', {
          params: { path: { tenantId, numberId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferNumberKeys.tenant(tenantId) }),
  });
}

export function useDeleteTransferNumber(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (numberId: string) =>
      unwrap(
        api.client.DELETE('/api/tenants/{tenantId}/transfer-numbers/{numberId}', {
          params: { path: { tenantId, numberId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferNumberKeys.tenant(tenantId) }),
  });
}
