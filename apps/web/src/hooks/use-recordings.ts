import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { QueryOf, ResponseOf } from '../api/api-types';
import { hasRole, useSession } from '../auth/session';
import { useTenant } from './use-tenants';

export type RecordingPage = ResponseOf<'/api/recordings', 'get'>;
export type Recording = RecordingPage['items'][number];
/** The list filters (the query without paging and tenant): callId, search, from, to. */
export type RecordingFilters = Omit<QueryOf<'/api/recordings', 'get'>, 'cursor' | 'limit' | 'tenantId'>;

export const recordingKeys = {
  all: ['recordings'] as const,
  lists: () => [...recordingKeys.all, 'list'] as const,
  list: (tenantId: string | null, filters: RecordingFilters, limit: number) =>
    [...recordingKeys.lists(), tenantId, filters, limit] as const,
};

/** API paths of one recording's media. */
export const recordingPaths = (id: string) => ({
  playable: `/api/recordings/${encodeURIComponent(id)}/playable`,
  download: `/api/recordings/${encodeURIComponent(id)}/download`,
});

/**
 * Recordings, newest first, paged (`fetchNextPage` for "Load more"). With a tenant picked (or a tenant key)
 * only that tenant's; an admin key with no tenant picked sees every recording, those of no known call too.
 */
export function useRecordings(filters: RecordingFilters = {}, limit = 50) {
  const api = useApi();
  const { tenantId } = useSession();
  return useInfiniteQuery<
    RecordingPage,
    Error,
    InfiniteData<RecordingPage>,
    ReturnType<typeof recordingKeys.list>,
    string | null
  >({
    queryKey: recordingKeys.list(tenantId, filters, limit),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.client.GET('/api/recordings', {
          params: {
            query: {
              ...(tenantId ? { tenantId } : {}),
              ...filters,
              limit,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
  });
}

/** Every recording of the pages loaded so far. */
export const recordingsOf = (data: InfiniteData<RecordingPage> | undefined): Recording[] =>
  data ? data.pages.flatMap((page) => page.items) : [];

/**
 * Whether this key may delete recordings: admin always; operator when its tenant's setting
 * operatorsMayDeleteRecordings is on (undefined while that is being read); viewer never.
 */
export function useMayDeleteRecordings(): boolean | undefined {
  const { principal } = useSession();
  const isOperator = principal.role === 'operator' && principal.tenantId !== null;
  const tenant = useTenant(isOperator ? principal.tenantId : null);
  if (hasRole(principal.role, 'admin')) return true;
  if (!isOperator) return false;
  if (tenant.isPending) return undefined;
  return tenant.data?.operatorsMayDeleteRecordings ?? false;
}

/** Deletes a recording, then drops it from every loaded list. */
export function useDeleteRecording() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.client.DELETE('/api/recordings/{recordingId}', { params: { path: { recordingId: id } } })),
    onSuccess: (_data, id) => {
      for (const [key, data] of queryClient.getQueriesData<InfiniteData<RecordingPage>>({
        queryKey: recordingKeys.lists(),
      })) {
        if (!data) continue;
        queryClient.setQueryData<InfiniteData<RecordingPage>>(key, {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })),
        });
      }
      return queryClient.invalidateQueries({ queryKey: recordingKeys.lists() });
    },
  });
}

/** Fetches a file with the API key and hands it to the browser as a download. */
export function useDownloadFile() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ path, name }: { path: string; name: string }) => {
      const blob = await (await api.fetch(path)).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
}
