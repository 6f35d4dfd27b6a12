import { Button, CloseButton, Group, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconSearch } from '@tabler/icons-react';

export interface RecordingFilterValues {
  search: string;
  /** Local days 'YYYY-MM-DD' (inclusive), as the date picker gives them. */
  fromDay: string | null;
  toDay: string | null;
  callId: string | null;
}

interface RecordingFiltersProps {
  value: RecordingFilterValues;
  onChange: (next: RecordingFilterValues) => void;
}

/** The recordings list filters: text in the file path, a date range, and the call (from a call's page). */
export function RecordingFilters({ value, onChange }: RecordingFiltersProps) {
  const set = (patch: Partial<RecordingFilterValues>) => onChange({ ...value, ...patch });
  const any = value.search !== '' || value.fromDay !== null || value.toDay !== null || value.callId !== null;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="File name or number contains"
        placeholder="e.g. 2026/11 or +4420"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
        maxLength={100}
        rightSection={
          value.search ? (
            <CloseButton
              aria-label="Clear the file name or number filter"
              onClick={() => set({ search: '' })}
            />
          ) : null
        }
        w={{ base: '100%', sm: 260 }}
      />
      <DatePickerInput
        type="range"
        label="Recorded between"
        placeholder="Any date"
        allowSingleDateInRange
        clearable
        value={[value.fromDay, value.toDay]}
        onChange={([from, to]) => set({ fromDay: from, toDay: to })}
        w={{ base: '100%', sm: 280 }}
      />
      {value.callId && (
        <TextInput
          label="Call"
          value={value.callId}
          readOnly
          rightSection={<CloseButton aria-label="Show every call" onClick={() => set({ callId: null })} />}
          w={{ base: '100%', sm: 340 }}
        />
      )}
      {any && (
        <Button
          variant="subtle"
          onClick={() => onChange({ search: '', fromDay: null, toDay: null, callId: null })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
