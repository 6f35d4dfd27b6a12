import { Alert, Button, Group, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  useCreateTransferNumber,
  useUpdateTransferNumber,
  type TransferNumber,
} from '../../../hooks/use-transfer-numbers';
import { numberSubmitErrors } from '../shared/number-field-error';
import { notifyDone } from '../shared/notify';
import { optionalNumber, optionalWholeNumberError } from '../shared/optional-number';
import { PhoneNumberField, usePhoneNumberField } from '../shared/phone-number-field';
import { SettingsModal } from '../shared/settings-modal';
import { ShareBar } from './share-bar';
import { transferSharesWithDraft } from './transfer-share';

export interface TransferNumberFormModalProps {
  tenantId: string;
  /** Every transfer number of the tenant, for the share preview. */
  numbers: readonly TransferNumber[];
  /** The number being edited; none to add one. */
  number?: TransferNumber;
  onClose: () => void;
}

const DRAFT_ID = 'draft';

/** Adds or edits a transfer number; its resulting share of transfers updates as the weight is typed. */
export function TransferNumberFormModal({
  tenantId,
  numbers,
  number,
  onClose,
}: TransferNumberFormModalProps) {
  const create = useCreateTransferNumber(tenantId);
  const update = useUpdateTransferNumber(tenantId);
  const save = number ? update : create;
  const phone = usePhoneNumberField(number?.number ?? '');
  const [label, setLabel] = useState(number?.label ?? '');
  const [weight, setWeight] = useState<number | string>(number?.weight ?? 1);
  const [concurrentCap, setConcurrentCap] = useState<number | string>(number?.concurrentCap ?? '');
  const [enabled, setEnabled] = useState(number?.enabled ?? true);
  const [attempted, setAttempted] = useState(false);

  const weightError =
    String(weight).trim() === '' ? 'Required (0 = never picked)' : optionalWholeNumberError(weight, 0, 1000);
  const errors = {
    number: phone.error,
    label: label.trim().length > 100 ? 'At most 100 characters' : undefined,
    weight: weightError,
    concurrentCap: optionalWholeNumberError(concurrentCap, 0, 100_000),
  };
  const valid = Object.values(errors).every((e) => e === undefined);
  const server = numberSubmitErrors(save.error);
  const draftId = number?.id ?? DRAFT_ID;
  const share =
    transferSharesWithDraft(numbers, { id: draftId, weight: Number(weight), enabled }).get(draftId) ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!valid) return;
    phone.submitted();
    const body = {
      number: phone.value.trim(),
      label: label.trim() === '' ? null : label.trim(),
      weight: Number(weight),
      concurrentCap: optionalNumber(concurrentCap),
      enabled,
    };
    const done = (saved: TransferNumber) => {
      notifyDone(number ? `Transfer number ${saved.number} saved` : `Transfer number ${saved.number} added`);
      onClose();
    };
    if (number) {
      // The number is sent only when changed, so an unchanged one is not checked again.
      const { number: newNumber, ...rest } = body;
      update.mutate(
        { numberId: number.id, body: newNumber === number.number ? rest : body },
        { onSuccess: done },
      );
    } else {
      create.mutate(body, { onSuccess: done });
    }
  };

  return (
    <SettingsModal
      opened
      onClose={onClose}
      title={number ? `Edit transfer number ${number.number}` : 'Add a transfer number'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <PhoneNumberField field={phone} showRequired={attempted} serverError={server.number} />
          <TextInput
            label="Label"
            description="Optional, e.g. Support desk"
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            error={errors.label}
          />
          <NumberInput
            label="Weight"
            description="Relative share of transfers, 0 to 1000; 0 = never picked"
            required
            min={0}
            max={1000}
            allowDecimal={false}
            value={weight}
            onChange={setWeight}
            error={errors.weight}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Resulting share of transfers
            </Text>
            <ShareBar share={share} label="Resulting share" />
            {!enabled && (
              <Text size="xs" c="dimmed">
                Inactive numbers are never picked.
              </Text>
            )}
          </Stack>
          <NumberInput
            label="Concurrent cap"
            description="Most simultaneous transfers; empty for no cap"
            min={0}
            max={100_000}
            allowDecimal={false}
            value={concurrentCap}
            onChange={setConcurrentCap}
            error={errors.concurrentCap}
          />
          <Switch
            label="Active (may be picked)"
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
              {number ? 'Save number' : 'Add number'}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsModal>
  );
}
