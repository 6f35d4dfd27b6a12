import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ResponseOf, QueryOf } from '../api/api-types';
import { isFinalStatus } from './call-status';

export type Call = ResponseOf<'/api/calls/{id}/hangup', 'post'>;
export type CallDetail = ResponseOf<'/api/calls/{id}', 'get'>;
export type CallPage = ResponseOf<'/api/calls', 'get'>;
/** The call-log filters (the list query without paging and tenant). */
export type CallFilters = Omit<QueryOf<'/api/calls', 'get'>, 'cursor' | 'limit' | 'tenantId'>;

export const callKeys = {
  all: ['calls'] as const,
  lists: () => [...callKeys.all, 'list'] as const,
  list: (tenantId: string | null, filters: CallFilters, limit: number) =>
    [...callKeys.lists(), tenantId, filters, limit] as const,
  details: () => [...callKeys.all, 'detail'] as const,
  detail: (callId: string) => [...callKeys.details(), callId] as const,
  stats: () => [...callKeys.all, 'stats'] as const,
};

/** Whether a call belongs in a list with these filters (the server's rules, applied to one call). */
export function matchesFilters(call: Call, filters: CallFilters): boolean {
  if (filters.status && call.status !== filters.status) return false;
  if (filters.number && call.to !== filters.number) return false;
  if (filters.did && call.from !== filters.did) return false;
  const created = Date.parse(call.createdAt);
  if (filters.since && created < Date.parse(filters.since)) return false;
  if (filters.until && created >= Date.parse(filters.until)) return false;
  if (filters.q) {
    const needle = filters.q.toLowerCase();
    const haystack = [call.to, call.from ?? '', call.callerName ?? ''].join(' ').toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

type ListKey = ReturnType<typeof callKeys.list>;

/** A list page set with `call` updated in place, added on top when new and matching, removed when not. */
function patchList(data: InfiniteData<CallPage>, call: Call, filters: CallFilters): InfiniteData<CallPage> {
  const matches = matchesFilters(call, filters);
  let found = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === call.id)) return page;
    found = true;
    const items = matches
      ? page.items.map((item) => (item.id === call.id ? call : item))
      : page.items.filter((item) => item.id !== call.id);
    return { ...page, items };
  });
  if (!found && matches && pages.length > 0) {
    const first = pages[0]!;
    pages[0] = { ...first, items: [call, ...first.items] };
  }
  return found || matches ? { ...data, pages } : data;
}

/**
 * Applies one change from the live stream to the cache: the call's detail (keeping its event trail, which is
 * then refetched) and every call list of its tenant; call statistics are refetched.
 */
export function applyCallChange(queryClient: QueryClient, call: Call): void {
  const detailKey = callKeys.detail(call.id);
  const previous = queryClient.getQueryData<CallDetail>(detailKey);
  if (previous) {
    queryClient.setQueryData<CallDetail>(detailKey, { ...previous, ...call });
    void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
  }
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<CallPage>>({
    queryKey: callKeys.lists(),
  })) {
    if (!data) continue;
    const [, , tenantId, filters] = key as unknown as ListKey;
    if (tenantId !== null && tenantId !== call.tenantId) continue;
    const next = patchList(data, call, filters);
    if (next !== data) queryClient.setQueryData(key, next);
  }
  if (call.status === 'queued' || call.status === 'dialing' || isFinalStatus(call.status)) {
    void queryClient.invalidateQueries({ queryKey: callKeys.stats() });
  }
}
