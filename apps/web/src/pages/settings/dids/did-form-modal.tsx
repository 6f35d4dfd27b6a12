import { Alert, Button, Group, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCreateDid, useUpdateDid, type Did } from '../../../hooks/use-dids';
import { numberSubmitErrors } from '../shared/number-field-error';
import { notifyDone } from '../shared/notify';
import { optionalNumber, optionalWholeNumberError } from '../shared/optional-number';
import { PhoneNumberField, usePhoneNumberField } from '../shared/phone-number-field';
import { SettingsModal } from '../shared/settings-modal';

export interface DidFormModalProps {
  tenantId: string;
  /** The DID being edited; none to add one. */
  did?: Did;
  onClose: () => void;
}

/** Adds or edits a DID. The server checks the number (E.164); what it says about it shows on the field. */
export function DidFormModal({ tenantId, did, onClose }: DidFormModalProps) {
  const create = useCreateDid(tenantId);
  const update = useUpdateDid(tenantId);
  const save = did ? update : create;
  const number = usePhoneNumberField(did?.number ?? '');
  const [label, setLabel] = useState(did?.label ?? '');
  const [dailyCap, setDailyCap] = useState<number | string>(did?.dailyCap ?? '');
  const [enabled, setEnabled] = useState(did?.enabled ?? true);
  const [attempted, setAttempted] = useState(false);

  const errors = {
    number: number.error,
    label: label.trim().length > 100 ? 'At most 100 characters' : undefined,
    dailyCap: optionalWholeNumberError(dailyCap, 0, 1_000_000),
  };
  const server = numberSubmitErrors(save.error);
  const valid = !errors.number && !errors.label && !errors.dailyCap;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!valid) return;
    number.submitted();
    const body = {
      number: number.value.trim(),
      label: label.trim() === '' ? null : label.trim(),
      dailyCap: optionalNumber(dailyCap),
      enabled,
    };
    const done = (saved: Did) => {
      notifyDone(did ? `DID ${saved.number} saved` : `DID ${saved.number} added`);
      onClose();
    };
    if (did) {
      // The number is sent only when changed, so an unchanged one is not checked again.
      const { number: newNumber, ...rest } = body;
      update.mutate({ didId: did.id, body: newNumber === did.number ? rest : body }, { onSuccess: done });
    } else {
      create.mutate(body, { onSuccess: done });
    }
  };

  return (
    <SettingsModal opened onClose={onClose} title={did ? `Edit DID ${did.number}` : 'Add a DID'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PhoneNumberField field={number} showRequired={attempted} serverError={server.number} />
          <TextInput
            label="Label"
            description="Optional, e.g. Sales line"
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            error={errors.label}
          />
          <NumberInput
            label="Daily cap"
            description="Most calls per UTC day from this DID; empty for no cap"
            min={0}
            max={1_000_000}
            allowDecimal={false}
            value={dailyCap}
            onChange={setDailyCap}
            error={errors.dailyCap}
          />
          <Switch
            label="Active (used for calls)"
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
          />
          {server.form && (
            <Alert color="red" title="Not saved" role="alert">
              {server.form}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {did ? 'Save DID' : 'Add DID'}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsModal>
  );
}
