import { Button, Center, Collapse, Group, Stack, Text, Title, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { callsOf, useCalls, useCallStream, useCallsTenant } from '../../hooks/use-calls';
import { useDids } from '../../hooks/use-dids';
import { useTenant } from '../../hooks/use-tenants';
import { CallLogFilterBar } from './call-log-filter-bar';
import { hasFilters, readFilters, toApiFilters, toQueryString, writeFilters } from './call-log-filters';
import { CallCards } from './call-cards';
import { CallTable } from './call-table';
import { ExportCsvButton } from './export-csv-button';

/** Call logs: filters kept in the URL, newest first, more on demand, live updates, CSV export. */
export function CallLogsPage() {
  const { tenantId, needsTenant } = useCallsTenant();
  const [params, setParams] = useSearchParams();
  const values = readFilters(params);
  const tenant = useTenant(tenantId);
  const dids = useDids(tenantId);
  const filters = toApiFilters(values, tenant.data?.defaultCountry);
  const calls = useCalls(filters);
  useCallStream();
  const items = callsOf(calls.data);
  const phone = useMediaQuery(`(max-width: ${em(600)})`);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const activeFilters = [...writeFilters(values).keys()].length;

  let content;
  if (needsTenant) {
    content = (
      <EmptyState title="Pick a tenant">Choose the tenant whose calls to list in the header.</EmptyState>
    );
  } else if (calls.isPending) {
    content = <LoadingState label="Loading calls…" />;
  } else if (calls.isError && items.length === 0) {
    content = <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />;
  } else if (items.length === 0) {
    content = hasFilters(values) ? (
      <EmptyState title="No call matches these filters">Change or clear the filters.</EmptyState>
    ) : (
      <EmptyState title="No calls yet">Calls appear here as soon as they are placed.</EmptyState>
    );
  } else {
    content = (
      <Stack gap="sm">
        {phone ? <CallCards calls={items} /> : <CallTable calls={items} />}
        {calls.isFetchNextPageError && (
          <ErrorState error={calls.error} onRetry={() => void calls.fetchNextPage()} />
        )}
        <Center>
          {calls.hasNextPage ? (
            <Button
              variant="light"
              loading={calls.isFetchingNextPage}
              onClick={() => void calls.fetchNextPage()}
            >
              Load more
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {items.length} call{items.length === 1 ? '' : 's'}, all shown
            </Text>
          )}
        </Center>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={2}>Call logs</Title>
        {!needsTenant && <ExportCsvButton query={toQueryString(filters, tenantId)} />}
      </Group>
      {!needsTenant && phone && (
        <Button
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={toggleFilters}
          aria-expanded={filtersOpen}
          aria-controls="call-log-filters"
        >
          Filters{activeFilters > 0 ? ` (${activeFilters} active)` : ''}
        </Button>
      )}
      {!needsTenant && (
        <Collapse in={!phone || filtersOpen} id="call-log-filters">
          <CallLogFilterBar
            values={values}
            onChange={(next) => setParams(writeFilters(next), { replace: true })}
            dids={dids.data ?? []}
          />
        </Collapse>
      )}
      {content}
    </Stack>
  );
}
