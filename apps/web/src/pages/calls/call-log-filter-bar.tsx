import { Button, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { statusLabel } from '../../components/status-chip';
import { CALL_STATUSES } from '../../hooks/use-calls';
import type { Did } from '../../hooks/use-dids';
import { hasFilters, type CallLogFilterValues } from './call-log-filters';

interface CallLogFilterBarProps {
  values: CallLogFilterValues;
  onChange: (values: CallLogFilterValues) => void;
  dids: Did[];
}

/** Status, date range, number, DID and free text; typed text applies after a short pause. */
export function CallLogFilterBar({ values, onChange, dids }: CallLogFilterBarProps) {
  const [number, setNumber] = useState(values.number);
  const [q, setQ] = useState(values.q);
  const applyText = useDebouncedCallback((next: Partial<CallLogFilterValues>) => {
    onChange({ ...values, ...next });
  }, 400);
  const clear = () => {
    setNumber('');
    setQ('');
    onChange({ status: null, from: null, to: null, number: '', did: null, q: '' });
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter calls">
      <Select
        label="Status"
        placeholder="Any"
        data={CALL_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
        value={values.status}
        onChange={(status) => onChange({ ...values, status: status as CallLogFilterValues['status'] })}
        clearable
        w={{ base: '100%', xs: 150 }}
      />
      <DatePickerInput
        type="range"
        label="Created between"
        placeholder="Any day"
        value={[values.from, values.to]}
        onChange={([from, to]) => {
          if ((from && to) || (!from && !to)) onChange({ ...values, from, to });
        }}
        allowSingleDateInRange
        clearable
        valueFormat="D MMM YYYY"
        w={{ base: '100%', xs: 230 }}
      />
      <TextInput
        label="Number"
        placeholder="Called number"
        value={number}
        onChange={(event) => {
          setNumber(event.currentTarget.value);
          applyText({ number: event.currentTarget.value, q });
        }}
        type="tel"
        w={{ base: '100%', xs: 170 }}
      />
      <Select
        label="DID"
        placeholder="Any"
        data={dids.map((did) => ({
          value: did.number,
          label: did.label ? `${did.number} (${did.label})` : did.number,
        }))}
        value={values.did}
        onChange={(did) => onChange({ ...values, did })}
        clearable
        searchable
        w={{ base: '100%', xs: 200 }}
      />
      <TextInput
        label="Search"
        placeholder="Number, DID or caller name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          applyText({ q: event.currentTarget.value, number });
        }}
        w={{ base: '100%', xs: 220 }}
      />
      {hasFilters(values) && (
        <Button variant="subtle" onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
