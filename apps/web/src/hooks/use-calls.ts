import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import { toApiError } from '../api/api-error';
import type { BodyOf, ResponseOf } from '../api/api-types';
import { useSession } from '../auth/session';
import {
  applyCallChange,
  callKeys,
  type Call,
  type CallDetail,
  type CallFilters,
  type CallPage,
} from './call-cache';
import { CallRequestError, issuesOf } from './call-request-error';
import { isFinalStatus } from './call-status';
import { readCallStream, type CallStreamState } from './call-stream-reader';

export { callKeys, type Call, type CallDetail, type CallFilters, type CallPage } from './call-cache';
export { CALL_STATUSES, isFinalStatus, type CallStatus } from './call-status';
export type { CallStreamState } from './call-stream-reader';
export { CallRequestError, type FieldIssue } from './call-request-error';

export type MakeCallBody = BodyOf<'/api/calls/make-call', 'post'>;
export type CallStats = ResponseOf<'/api/calls/stats', 'get'>;

/**
 * The tenant the call pages work on, or null when an admin key spanning tenants has not picked one (the calls
 * API then needs one: say so and ask to pick it in the header).
 */
export function useCallsTenant(): { tenantId: string | null; needsTenant: boolean } {
  const session = useSession();
  const tenantId = session.tenantId ?? session.principal.tenantId;
  return { tenantId, needsTenant: tenantId === null };
}

const tenantQuery = (tenantId: string | null) => (tenantId ? { tenantId } : {});

/** Call logs, newest first, paged by the server's keyset cursor (`fetchNextPage` for "Load more"). */
export function useCalls(filters: CallFilters = {}, options: { limit?: number; enabled?: boolean } = {}) {
  const api = useApi();
  const { tenantId, needsTenant } = useCallsTenant();
  const limit = options.limit ?? 50;
  return useInfiniteQuery<
    CallPage,
    Error,
    InfiniteData<CallPage>,
    ReturnType<typeof callKeys.list>,
    string | null
  >({
    queryKey: callKeys.list(tenantId, filters, limit),
    enabled: !needsTenant && (options.enabled ?? true),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.client.GET('/api/calls', {
          params: {
            query: {
              ...tenantQuery(tenantId),
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

/** Every call of the pages loaded so far, in order. */
export const callsOf = (data: InfiniteData<CallPage> | undefined): Call[] =>
  data ? data.pages.flatMap((page) => page.items) : [];

/** How often a call that has not ended is asked again, in case the live stream is slow or cut (a proxy). */
export const LIVE_CALL_POLL_MS = 3_000;

/**
 * One call with its event trail; kept current by useCallStream while a stream is open, and asked again every
 * LIVE_CALL_POLL_MS until it ends, so the view still moves if the stream does not.
 */
export function useCall(callId: string | undefined) {
  const api = useApi();
  const { tenantId, needsTenant } = useCallsTenant();
  return useQuery<CallDetail>({
    queryKey: callKeys.detail(callId ?? ''),
    enabled: callId !== undefined && !needsTenant,
    refetchInterval: (query) =>
      query.state.data && !isFinalStatus(query.state.data.status) ? LIVE_CALL_POLL_MS : false,
    queryFn: ({ signal }) =>
      unwrap(
        api.client.GET('/api/calls/{id}', {
          params: { path: { id: callId! }, query: tenantQuery(tenantId) },
          signal,
        }),
      ),
  });
}

/** Call statistics over a period (today's figures on the dashboard); refetched as calls start and end. */
export function useCallStats(period: { since?: string; until?: string } = {}) {
  const api = useApi();
  const { tenantId, needsTenant } = useCallsTenant();
  return useQuery({
    queryKey: [...callKeys.stats(), tenantId, period] as const,
    enabled: !needsTenant,
    queryFn: ({ signal }) =>
      unwrap(
        api.client.GET('/api/calls/stats', {
          params: { query: { ...tenantQuery(tenantId), ...period } },
          signal,
        }),
      ),
  });
}

const newIdempotencyKey = () => crypto.randomUUID();

/**
 * Places a call. Every submit of the same body from this form reuses one Idempotency-Key, so a double-click
 * (or a retry after a network error) places one call; a changed body gets a new key.
 */
export function useMakeCall() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { tenantId } = useCallsTenant();
  const last = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationFn: async (input: MakeCallBody): Promise<Call> => {
      const body: MakeCallBody = { ...input, ...(tenantId ? { tenantId } : {}) };
      const serialized = JSON.stringify(body);
      if (last.current?.body !== serialized) last.current = { body: serialized, key: newIdempotencyKey() };
      const { data, error, response } = await api.client.POST('/api/calls/make-call', {
        body,
        params: { header: { 'Idempotency-Key': last.current.key } },
      });
      if (!response.ok || !data) {
        const base = toApiError(response, error);
        throw new CallRequestError(base.status, base.code, base.message, issuesOf(error));
      }
      return data;
    },
    onSuccess: (call) => applyCallChange(queryClient, call),
  });
}

/** Hangs a call up (canceled before the answer, completed after); needs the operator role. */
export function useHangupCall() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { tenantId } = useCallsTenant();
  return useMutation({
    mutationFn: (callId: string) =>
      unwrap(
        api.client.POST('/api/calls/{id}/hangup', {
          params: { path: { id: callId }, query: tenantQuery(tenantId) },
        }),
      ),
    onSuccess: (call) => applyCallChange(queryClient, call),
  });
}

export interface CallStreamOptions {
  enabled?: boolean;
  /** Milliseconds before reconnect attempt n (default: 1 s doubling to 30 s). */
  retryDelay?: (attempt: number) => number;
}

/**
 * Opens the live call stream of the current tenant while mounted and patches the query cache (call details
 * and lists) with every change. Answers the connection state and the error that stopped it, if any.
 */
export function useCallStream(options: CallStreamOptions = {}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { tenantId, needsTenant } = useCallsTenant();
  const [state, setState] = useState<{ state: CallStreamState; error: unknown }>({
    state: 'connecting',
    error: null,
  });
  const enabled = (options.enabled ?? true) && !needsTenant;
  const retryDelay = options.retryDelay;
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let opened = false;
    const path = `/api/calls/stream${tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : ''}`;
    void readCallStream({
      fetch: api.fetch,
      path,
      signal: controller.signal,
      ...(retryDelay ? { retryDelay } : {}),
      onState: (next, error) => {
        if (controller.signal.aborted) return;
        // what changed before the first connection is not replayed: refetch what the cache shows
        if (next === 'open' && !opened) void queryClient.invalidateQueries({ queryKey: callKeys.all });
        if (next === 'open') opened = true;
        setState({ state: next, error: error ?? null });
      },
      onCall: (call) => applyCallChange(queryClient, call as Call),
    });
    return () => controller.abort();
  }, [api, queryClient, tenantId, enabled, retryDelay]);
  return enabled ? state : { state: 'stopped' as const, error: null };
}
