import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { BodyOf, ResponseOf } from '../api/api-types';
import { allPages, PAGE_LIMIT } from './all-pages';

export type ApiKey = ResponseOf<'/api/tenants/{tenantId}/api-keys', 'get'>['items'][number];
/** A key just created: the only answer that carries the secret `key`. */
export type CreatedApiKey = ResponseOf<'/api/tenants/{tenantId}/api-keys', 'post'>;
export type CreateApiKeyBody = BodyOf<'/api/tenants/{tenantId}/api-keys', 'post'>;

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  tenant: (tenantId: string) => [...apiKeyKeys.all, tenantId] as const,
  list: (tenantId: string) => [...apiKeyKeys.tenant(tenantId), 'list'] as const,
};

/** Every API key of a tenant (prefix only, never the secret), revoked ones included. */
export function useApiKeys(tenantId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: apiKeyKeys.list(tenantId ?? ''),
    enabled: tenantId !== null,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.client.GET('/api/tenants/{tenantId}/api-keys', {
            params: { path: { tenantId: tenantId! }, query: { limit: PAGE_LIMIT, cursor } },
          }),
        ),
      ),
  });
}

/** Creates a key; the answer holds the secret, which is never cached and never shown again. */
export function useCreateApiKey(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) =>
      unwrap(api.client.POST('/api/tenants/{tenantId}/api-keys', { params: { path: { tenantId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.tenant(tenantId) }),
  });
}

export function useRevokeApiKey(tenantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(
        api.client.DELETE('/api/tenants/{tenantId}/api-keys/{keyId}', {
          params: { path: { tenantId, keyId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.tenant(tenantId) }),
  });
}
