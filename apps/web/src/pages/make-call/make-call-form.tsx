import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { IconPhoneOutgoing } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMakeCall } from '../../hooks/use-calls';
import type { Did } from '../../hooks/use-dids';
import type { Sound } from '../../hooks/use-sounds';
import type { Tenant } from '../../hooks/use-tenants';
import type { TransferNumber } from '../../hooks/use-transfer-numbers';
import { AnswerFields } from './answer-fields';
import {
  initialValues,
  serverErrors,
  toRequestBody,
  validate,
  type FieldErrors,
  type MakeCallValues,
} from './make-call-request';
import { PhoneNumberInput } from './phone-number-input';

const ROTATE = 'rotate';

const ROTATION_NAMES: Record<Tenant['didRotation'], string> = {
  'round-robin': 'round robin',
  'least-recently-used': 'least recently used',
  random: 'random',
  'local-presence': 'local presence',
};

interface MakeCallFormProps {
  tenant: Tenant;
  dids: Did[];
  sounds: Sound[];
  transferNumbers: TransferNumber[];
}

/** The make-call form: checks what it can as you type, sends once, and opens the call's live view. */
export function MakeCallForm({ tenant, dids, sounds, transferNumbers }: MakeCallFormProps) {
  const [values, setValues] = useState<MakeCallValues>(() =>
    initialValues({
      hasSounds: sounds.some((sound) => sound.activeVersion !== null),
      hasDefault: tenant.answerDestination !== null,
    }),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const makeCall = useMakeCall();
  const navigate = useNavigate();

  const set = <K extends keyof MakeCallValues>(field: K, value: MakeCallValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field as keyof FieldErrors];
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values, tenant.defaultCountry);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    makeCall.mutate(toRequestBody(values), {
      onSuccess: (call) => void navigate(`/calls/${call.id}`),
      onError: (error) => {
        const placed = serverErrors(error, values);
        setErrors(placed.fields);
        setGeneral(placed.general);
      },
    });
  };

  const enabledDids = dids.filter((did) => did.enabled);
  return (
    <Paper withBorder p="md" maw={640} component="form" onSubmit={submit} noValidate aria-label="Make a call">
      <Stack gap="md">
        {general && (
          <Alert color="red" title="The call was not placed" role="alert">
            {general}
          </Alert>
        )}
        <PhoneNumberInput
          label="Number to call"
          value={values.to}
          onChange={(value) => set('to', value)}
          defaultCountry={tenant.defaultCountry}
          error={errors.to}
          required
          autoFocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            label="Caller ID"
            description={enabledDids.length === 0 ? 'The tenant has no enabled DID' : undefined}
            data={[
              { value: ROTATE, label: `Rotate (${ROTATION_NAMES[tenant.didRotation]})` },
              ...enabledDids.map((did) => ({
                value: did.number,
                label: did.label ? `${did.number} (${did.label})` : did.number,
              })),
            ]}
            value={values.from || ROTATE}
            onChange={(value) => set('from', !value || value === ROTATE ? '' : value)}
            error={errors.from}
            allowDeselect={false}
          />
          <TextInput
            label="Caller name"
            placeholder={tenant.callerName ?? 'None'}
            value={values.callerName}
            onChange={(event) => set('callerName', event.currentTarget.value)}
            error={errors.callerName}
            maxLength={80}
          />
        </SimpleGrid>
        <AnswerFields
          values={values}
          errors={errors}
          set={set}
          tenant={tenant}
          sounds={sounds}
          transferNumbers={transferNumbers}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" style={{ alignItems: 'end' }}>
          <NumberInput
            label="Ring timeout"
            suffix=" s"
            min={5}
            max={300}
            value={values.timeoutSeconds}
            onChange={(value) => set('timeoutSeconds', value)}
            error={errors.timeoutSeconds}
            allowDecimal={false}
          />
          <Switch
            label="Record the call"
            checked={values.record}
            onChange={(event) => set('record', event.currentTarget.checked)}
            pb={8}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={makeCall.isPending}
            leftSection={<IconPhoneOutgoing size={18} aria-hidden />}
          >
            Call
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
