import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { BodyOf, ResponseOf } from '../api/api-types';
import { allPages, PAGE_LIMIT } from './all-pages';

export type ApiKey = ResponseOf<'/api/tenants/{tenantId}/api-keys', 'get'>['items'][number];
/** A key just created: the only answer that carries the secret `key`. */
export type CreatedApiKey = ResponseOf<'/api/tenants/{tenantId}/api-keys', 'post'>;
export type CreateApiKeyBody = BodyOf<'/api/tenants/{tenantId}/api-keys', 'post'>;

/**
 * Whose keys: a tenant's (`/api/tenants/{id}/api-keys`, any role) or the platform's (`/api/api-keys`: no tenant,
 * always admin of every tenant; only a platform key may manage them).
 */
export type KeyOwner = { tenantId: string } | 'platform';

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  owner: (owner: KeyOwner) =>
    [...apiKeyKeys.all, owner === 'platform' ? 'platform' : owner.tenantId] as const,
  list: (owner: KeyOwner) => [...apiKeyKeys.owner(owner), 'list'] as const,
};

/** Every API key of an owner (prefix only, never the secret), revoked ones included. */
export function useApiKeys(owner: KeyOwner | null) {
  const api = useApi();
  return useQuery({
    queryKey: apiKeyKeys.list(owner ?? { tenantId: '' }),
    enabled: owner !== null,
    queryFn: () =>
      allPages((cursor) => {
        const query = { limit: PAGE_LIMIT, cursor };
        return unwrap(
          owner === 'platform'
            ? api.client.GET('/api/api-keys', { params: { query } })
            : api.client.GET('/api/tenants/{tenantId}/api-keys', {
                params: { path: { tenantId: owner!.tenantId }, query },
              }),
        );
      }),
  });
}

/** Creates a key; the answer holds the secret, which is never cached and never shown again. */
export function useCreateApiKey(owner: KeyOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody): Promise<CreatedApiKey> =>
      unwrap(
        owner === 'platform'
          ? api.client.POST('/api/api-keys', { body: { name: body.name, role: 'admin' } })
          : api.client.POST('/api/tenants/{tenantId}/api-keys', {
              params: { path: { tenantId: owner.tenantId } },
              body,
            }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.owner(owner) }),
  });
}

export function useRevokeApiKey(owner: KeyOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(
        owner === 'platform'
          ? api.client.DELETE('/api/api-keys/{keyId}', { params: { path: { keyId } } })
          : api.client.DELETE('/api/tenants/{tenantId}/api-keys/{keyId}', {
              params: { path: { tenantId: owner.tenantId, keyId } },
            }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.owner(owner) }),
  });
}
