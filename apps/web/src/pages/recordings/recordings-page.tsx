import { Alert, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import {
  recordingsOf,
  useMayDeleteRecordings,
  useRecordings,
  type RecordingFilters as Filters,
} from '../../hooks/use-recordings';
import { RecordingFilters, type RecordingFilterValues } from './recording-filters';
import { RecordingItem } from './recording-item';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters live in the URL (?search=&from=&to=&callId=), so a call's page can link to its recordings. */
function useFilterParams(): [RecordingFilterValues, (next: RecordingFilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : null;
  };
  const value: RecordingFilterValues = {
    search: params.get('search') ?? '',
    fromDay: day('from'),
    toDay: day('to'),
    callId: params.get('callId'),
  };
  const set = (next: RecordingFilterValues) => {
    const entries: Record<string, string> = {};
    if (next.search) entries.search = next.search;
    if (next.fromDay) entries.from = next.fromDay;
    if (next.toDay) entries.to = next.toDay;
    if (next.callId) entries.callId = next.callId;
    setParams(entries, { replace: true });
  };
  return [value, set];
}

/** The API query of the filters: whole local days, the end day included. */
function toQuery(values: RecordingFilterValues, search: string): Filters {
  const query: Filters = {};
  const trimmed = search.trim();
  if (trimmed) query.search = trimmed;
  if (values.fromDay) query.from = dayjs(values.fromDay).startOf('day').toISOString();
  const lastDay = values.toDay ?? values.fromDay;
  if (lastDay) query.to = dayjs(lastDay).add(1, 'day').startOf('day').toISOString();
  if (values.callId && /^[0-9a-f-]{36}$/i.test(values.callId)) query.callId = values.callId;
  return query;
}

export function RecordingsPage() {
  const { principal, tenantId } = useSession();
  const [values, setValues] = useFilterParams();
  const [search] = useDebouncedValue(values.search, 300);
  const query = useMemo(() => toQuery(values, search), [values, search]);
  const recordings = useRecordings(query);
  const mayDelete = useMayDeleteRecordings() === true;
  const items = recordingsOf(recordings.data);
  const filtered = Object.keys(query).length > 0;

  return (
    <Stack>
      <Title order={2}>Recordings</Title>
      {principal.tenantId === null && tenantId === null && (
        <Alert color="blue" variant="light">
          Showing the recordings of every tenant, and those of no known call. Pick a tenant in the header to
          see only its recordings.
        </Alert>
      )}
      <RecordingFilters value={values} onChange={setValues} />
      {recordings.isPending ? (
        <LoadingState label="Loading recordings…" />
      ) : recordings.isError && items.length === 0 ? (
        <ErrorState error={recordings.error} onRetry={() => void recordings.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? 'No recording matches these filters' : 'No recordings yet'}>
          {filtered
            ? 'Clear or widen the filters.'
            : 'Calls placed with "record" on leave their recording here once they end.'}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {items.length} recording{items.length === 1 ? '' : 's'}
            {recordings.hasNextPage ? ' shown, more to load' : ''}
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Recordings">
            {items.map((recording) => (
              <RecordingItem key={recording.id} recording={recording} mayDelete={mayDelete} />
            ))}
          </Stack>
          {recordings.isError && (
            <ErrorState error={recordings.error} onRetry={() => void recordings.fetchNextPage()} />
          )}
          {recordings.hasNextPage && (
            <Center>
              <Group>
                <Button
                  variant="default"
                  loading={recordings.isFetchingNextPage}
                  onClick={() => void recordings.fetchNextPage()}
                >
                  Load more
                </Button>
              </Group>
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}
