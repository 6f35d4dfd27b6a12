import { Button, Center, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useSounds, type SoundFilters } from '../../hooks/use-sounds';
import { SoundCards, SoundTable } from './sound-table';

const STATUS_OPTIONS = [
  { value: 'ready', label: 'Ready' },
  { value: 'processing', label: 'Converting' },
  { value: 'failed', label: 'Failed' },
];

interface SoundsLibraryProps {
  onOpen: (soundId: string) => void;
  canEdit: boolean;
}

/** The library with search and a status filter: a table on a laptop, cards on a phone. */
export function SoundsLibrary({ onOpen, canEdit }: SoundsLibraryProps) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<SoundFilters['status'] | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const filters: SoundFilters = {
    ...(debounced ? { search: debounced } : {}),
    ...(status ? { status } : {}),
  };
  const sounds = useSounds(filters);
  const items = sounds.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(debounced || status);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;

  return (
    <Stack gap="sm" component="section" aria-label="Library">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name or description"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus(value as SoundFilters['status'] | null)}
          clearable
          w={170}
        />
      </Group>
      {sounds.isLoading && <LoadingState label="Loading sounds…" />}
      {sounds.error && !sounds.data && (
        <ErrorState error={sounds.error} onRetry={() => void sounds.refetch()} />
      )}
      {sounds.data && items.length === 0 && (
        <EmptyState title={filtered ? 'No sound matches' : 'No sounds yet'}>
          {filtered
            ? 'Try another search or status.'
            : canEdit
              ? 'Drop audio files above to add the first one.'
              : 'An operator or admin can upload sounds.'}
        </EmptyState>
      )}
      {items.length > 0 &&
        (phone ? (
          <SoundCards sounds={items} onOpen={onOpen} />
        ) : (
          <SoundTable sounds={items} onOpen={onOpen} />
        ))}
      {sounds.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void sounds.fetchNextPage()}
            loading={sounds.isFetchingNextPage}
          >
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
