import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useApi } from '../api/api-context';
import { objectUrlFor, retainObjectUrl } from './object-url-registry';

const noop = () => undefined;

/**
 * Fetches an authenticated media path (the API needs the bearer header, which <audio src> cannot send) and
 * gives a blob: URL for it, kept while a component shows it (see object-url-registry.ts).
 */
export function useAuthorizedObjectUrl(path: string | null) {
  const api = useApi();
  const blob = useQuery({
    queryKey: ['media', path],
    enabled: path !== null,
    staleTime: Infinity,
    gcTime: 60_000,
    queryFn: async ({ signal }) => (await api.fetch(path!, { signal })).blob(),
  });
  const data = blob.data ?? null;
  const subscribe = useCallback(() => (data ? retainObjectUrl(data) : noop), [data]);
  const url = useSyncExternalStore(subscribe, () => (data ? objectUrlFor(data) : null));
  return { url, blob: data, isLoading: blob.isLoading, error: blob.error };
}
