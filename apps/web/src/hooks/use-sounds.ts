import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import type { QueryOf, ResponseOf } from '../api/api-types';
import { useSession } from '../auth/session';

export type Sound = ResponseOf<'/api/sounds/{soundId}', 'get'>;
export type SoundVersion = ResponseOf<'/api/sounds/{soundId}/versions', 'get'>[number];
export type SoundPeaks = ResponseOf<'/api/sounds/{soundId}/peaks', 'get'>;
export type SoundStatus = Sound['status'];
export type SoundLimits = ResponseOf<'/api/sounds/limits', 'get'>;

export interface SoundFilters {
  search?: string;
  status?: QueryOf<'/api/sounds', 'get'>['status'];
}

export const soundKeys = {
  all: ['sounds'] as const,
  lists: () => [...soundKeys.all, 'list'] as const,
  list: (tenantId: string | null, filters: SoundFilters) =>
    [...soundKeys.lists(), tenantId, filters] as const,
  detail: (soundId: string) => [...soundKeys.all, 'detail', soundId] as const,
  versions: (soundId: string) => [...soundKeys.all, 'versions', soundId] as const,
  peaks: (soundId: string, versionId: string) => [...soundKeys.all, 'peaks', soundId, versionId] as const,
  /** Outside `all`: refreshing the sounds has no reason to ask for the limits again. */
  limits: () => ['sound-limits'] as const,
};

/** The browser-playable WAV of a sound's active version (fetched with the key, see useAuthorizedObjectUrl). */
export function soundPreviewPath(soundId: string): string {
  return `/api/sounds/${soundId}/preview`;
}

/** One version's browser-playable WAV, active or not; a version never changes, so its audio is cached by path. */
export function versionPreviewPath(soundId: string, versionId: string): string {
  return `/api/sounds/${soundId}/versions/${versionId}/preview`;
}

/** How often a list or sound with a version still converting is asked again. */
export const SOUND_POLL_MS = 1500;
const PAGE_SIZE = 50;

/** Refetches whatever shows a sound after it changed: lists, detail, versions and its preview audio. */
export async function refreshSound(queryClient: QueryClient, soundId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: soundKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['media', soundPreviewPath(soundId)] }),
  ]);
}

/** The tenant's sound library (every tenant's for a super-admin with none picked), page by page. */
export function useSounds(filters: SoundFilters = {}) {
  const api = useApi();
  const { tenantId } = useSession();
  return useInfiniteQuery({
    queryKey: soundKeys.list(tenantId, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.client.GET('/api/sounds', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(tenantId ? { tenantId } : {}),
              ...(filters.search ? { search: filters.search } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((sound) => sound.status === 'processing'))
        ? SOUND_POLL_MS
        : false,
  });
}

/**
 * What a tenant's library can play now (sounds with an active version), for pickers outside the sounds page:
 * the first 200 by name, of the tenant given rather than the session's (a platform admin edits any tenant).
 */
export function useTenantPlayableSounds(tenantId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...soundKeys.all, 'playable', tenantId ?? ''] as const,
    enabled: tenantId !== undefined,
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.client.GET('/api/sounds', { params: { query: { limit: 200, tenantId: tenantId! } }, signal }),
      );
      return page.items.filter((sound) => sound.activeVersion !== null);
    },
  });
}

export function useSound(soundId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: soundKeys.detail(soundId ?? ''),
    enabled: soundId !== null,
    queryFn: ({ signal }) =>
      unwrap(api.client.GET('/api/sounds/{soundId}', { params: { path: { soundId: soundId! } }, signal })),
    refetchInterval: (query) => (query.state.data?.status === 'processing' ? SOUND_POLL_MS : false),
  });
}

/** A sound's versions, newest first. */
export function useSoundVersions(soundId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: soundKeys.versions(soundId ?? ''),
    enabled: soundId !== null,
    queryFn: ({ signal }) =>
      unwrap(
        api.client.GET('/api/sounds/{soundId}/versions', { params: { path: { soundId: soundId! } }, signal }),
      ),
    refetchInterval: (query) =>
      query.state.data?.some((version) => version.status === 'processing') ? SOUND_POLL_MS : false,
  });
}

/** The waveform of the active version (up to 1000 peaks in [0, 1]); keyed by version so a switch refetches. */
export function useSoundPeaks(soundId: string, versionId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: soundKeys.peaks(soundId, versionId ?? ''),
    enabled: versionId !== null,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      unwrap(api.client.GET('/api/sounds/{soundId}/peaks', { params: { path: { soundId } }, signal })),
  });
}

/** What an edit may change: the name (the server moves the PBX files) and the description (null clears it). */
export interface SoundChanges {
  name?: string;
  description?: string | null;
}

export function useUpdateSound() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ soundId, changes }: { soundId: string; changes: SoundChanges }) =>
      unwrap(api.client.PATCH('/api/sounds/{soundId}', { params: { path: { soundId } }, body: changes })),
    onSuccess: async (sound) => {
      queryClient.setQueryData(soundKeys.detail(sound.id), sound);
      await queryClient.invalidateQueries({ queryKey: soundKeys.lists() });
    },
  });
}

/** The server's upload limits (largest file, longest sound, formats); they change only with its configuration. */
export function useSoundLimits() {
  const api = useApi();
  return useQuery({
    queryKey: soundKeys.limits(),
    staleTime: Infinity,
    queryFn: ({ signal }) => unwrap(api.client.GET('/api/sounds/limits', { signal })),
  });
}

export function useDeleteSound() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (soundId: string) =>
      unwrap(api.client.DELETE('/api/sounds/{soundId}', { params: { path: { soundId } } })),
    onSuccess: async (_data, soundId) => {
      queryClient.removeQueries({ queryKey: soundKeys.detail(soundId) });
      queryClient.removeQueries({ queryKey: soundKeys.versions(soundId) });
      await queryClient.invalidateQueries({ queryKey: soundKeys.lists() });
    },
  });
}

/** Makes a ready version the one the PBX plays. */
export function useActivateVersion() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ soundId, versionId }: { soundId: string; versionId: string }) =>
      unwrap(
        api.client.POST('/api/sounds/{soundId}/versions/{versionId}/activate', {
          params: { path: { soundId, versionId } },
        }),
      ),
    onSuccess: async (sound) => {
      queryClient.setQueryData(soundKeys.detail(sound.id), sound);
      await refreshSound(queryClient, sound.id);
    },
  });
}
