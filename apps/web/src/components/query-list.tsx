import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './states';

export interface QueryListProps<T> {
  query: UseQueryResult<T[]>;
  /** What the spinner says while the list loads, e.g. "Loading DIDs…". */
  loadingLabel: string;
  /** The empty state's title and what to do about it. */
  emptyTitle: string;
  emptyHint: ReactNode;
  /** The list itself, once it has items. */
  children: (items: T[]) => ReactNode;
}

/** A list query's states: loading, its error with a retry, empty, or its items. */
export function QueryList<T>({ query, loadingLabel, emptyTitle, emptyHint, children }: QueryListProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>;
  return children(query.data);
}
