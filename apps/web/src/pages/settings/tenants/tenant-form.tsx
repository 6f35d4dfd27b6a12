import {
  Alert,
  Autocomplete,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../api/api-error';
import { useTenantPlayableSounds } from '../../../hooks/use-sounds';
import type { Tenant } from '../../../hooks/use-tenants';
import { DID_ROTATION_OPTIONS, didRotationDescription, type DidRotation } from '../dids/did-rotation';
import { countryName } from './country-name';
import {
  slugFromName,
  tenantBody,
  tenantFormValues,
  validateTenantForm,
  type AnswerType,
  type TenantFormValues,
} from './tenant-form-values';

export interface TenantFormProps {
  /** The tenant being edited; none to create one. */
  tenant?: Tenant;
  submitLabel: string;
  busy: boolean;
  /** The last save's error: a taken slug goes on the slug field, anything else above the buttons. */
  submitError: unknown;
  onSubmit: (body: ReturnType<typeof tenantBody>) => void;
  onCancel?: () => void;
}

type Field = keyof TenantFormValues;

/** Every setting of a tenant, checked as you type (after a field is left or a save is tried). */
export function TenantForm({ tenant, submitLabel, busy, submitError, onSubmit, onCancel }: TenantFormProps) {
  const [values, setValues] = useState(() => tenantFormValues(tenant));
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [slugEdited, setSlugEdited] = useState(tenant !== undefined);
  const errors = validateTenantForm(values);
  // Only a tenant that exists has a library to suggest from.
  const librarySounds = useTenantPlayableSounds(tenant?.id);
  const slugTaken = submitError instanceof ApiError && submitError.code === 'slug-taken';
  const formError = submitError && !slugTaken ? errorMessage(submitError) : null;

  const shown = (field: Field) => (attempted || touched.has(field) ? errors[field] : undefined);
  const set = <K extends Field>(field: K, value: TenantFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const leave = (field: Field) => () => setTouched((current) => new Set(current).add(field));
  const text = (field: Field) => ({
    value: values[field] as string,
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    onBlur: leave(field),
    error: shown(field),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(errors).length === 0) onSubmit(tenantBody(values));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={tenant ? `Settings of ${tenant.name}` : 'New tenant'}>
      <Stack>
        <Fieldset legend="Tenant">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              {...text('name')}
              onChange={(event) => {
                const name = event.currentTarget.value;
                setValues((current) => ({
                  ...current,
                  name,
                  slug: slugEdited ? current.slug : slugFromName(name),
                }));
              }}
            />
            <TextInput
              label="Slug"
              description="Names the tenant's sounds folder on the PBX"
              required
              {...text('slug')}
              onChange={(event) => {
                setSlugEdited(true);
                set('slug', event.currentTarget.value);
              }}
              error={slugTaken ? errorMessage(submitError) : shown('slug')}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label="Enabled (may place calls)"
            checked={values.enabled}
            onChange={(event) => set('enabled', event.currentTarget.checked)}
          />
        </Fieldset>

        <Fieldset legend="Calls">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Default country"
              description={`${countryName(values.defaultCountry) ?? 'Two letters'}: for numbers typed without +country code`}
              maxLength={2}
              {...text('defaultCountry')}
              onChange={(event) => set('defaultCountry', event.currentTarget.value.toUpperCase())}
            />
            <TextInput
              label="Caller name"
              description="Sent with outgoing calls; optional"
              {...text('callerName')}
            />
            <NumberInput
              label="Max concurrent calls"
              description="Empty for no limit"
              min={1}
              max={100_000}
              allowDecimal={false}
              value={values.maxConcurrentCalls}
              onChange={(value) => set('maxConcurrentCalls', value)}
              onBlur={leave('maxConcurrentCalls')}
              error={shown('maxConcurrentCalls')}
            />
            <NumberInput
              label="Calls per second"
              description="Empty for no limit"
              min={0}
              max={1000}
              decimalScale={3}
              value={values.callsPerSecond}
              onChange={(value) => set('callsPerSecond', value)}
              onBlur={leave('callsPerSecond')}
              error={shown('callsPerSecond')}
            />
            <TextInput
              label="Originate channel"
              description="{number} becomes the E.164 destination"
              required
              {...text('originateChannelTemplate')}
            />
            <Select
              label="Caller ID rotation"
              description={didRotationDescription(values.didRotation)}
              data={DID_ROTATION_OPTIONS.map(({ value, label }) => ({ value, label }))}
              value={values.didRotation}
              allowDeselect={false}
              onChange={(value) => value && set('didRotation', value as DidRotation)}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="When a call is answered (default)">
          <Radio.Group
            label="Send answered calls to"
            value={values.answerType}
            onChange={(value) => set('answerType', value as AnswerType)}
          >
            <Group mt="xs">
              <Radio value="none" label="Nothing set (each call says)" />
              <Radio value="dialplan" label="A dialplan extension" />
              <Radio value="sound" label="A sound" />
            </Group>
          </Radio.Group>
          {values.answerType === 'dialplan' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
              <TextInput label="Context" required {...text('answerContext')} />
              <TextInput label="Extension" required {...text('answerExten')} />
              <NumberInput
                label="Priority"
                min={1}
                allowDecimal={false}
                value={values.answerPriority}
                onChange={(value) => set('answerPriority', value)}
                onBlur={leave('answerPriority')}
                error={shown('answerPriority')}
              />
            </SimpleGrid>
          )}
          {values.answerType === 'sound' && (
            <Autocomplete
              mt="md"
              label="Sound name"
              description={
                librarySounds.data?.length
                  ? "Pick one of the tenant's library, or type a sound the PBX has, e.g. hello-world"
                  : 'A sound the PBX has, e.g. hello-world, or one of the library: custom/<slug>/<name>'
              }
              required
              data={(librarySounds.data ?? []).map((sound) => sound.playback)}
              limit={50}
              value={values.answerSound}
              onChange={(value) => set('answerSound', value)}
              onBlur={leave('answerSound')}
              error={shown('answerSound')}
            />
          )}
        </Fieldset>

        <Fieldset legend="Recordings">
          <Switch
            label="Operators may delete recordings (admins always may)"
            checked={values.operatorsMayDeleteRecordings}
            onChange={(event) => set('operatorsMayDeleteRecordings', event.currentTarget.checked)}
          />
        </Fieldset>

        {formError && (
          <Alert color="red" title="Not saved" role="alert">
            {formError}
          </Alert>
        )}
        {attempted && Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            Some settings need fixing: see the fields marked in red.
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
