import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useApi } from '../api/api-context';

/**
 * Fetches an authenticated media path (the API needs the bearer header, which <audio src> cannot send) and
 * gives a blob: URL for it, revoked when the path changes or the component goes away.
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
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { url, blob: blob.data ?? null, isLoading: blob.isLoading, error: blob.error };
}
