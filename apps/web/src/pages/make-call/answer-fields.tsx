import { Anchor, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { AudioPlayer } from '../../components/audio-player';
import type { Tenant } from '../../hooks/use-tenants';
import type { Sound } from '../../hooks/use-sounds';
import { soundPreviewPath } from '../../hooks/use-sounds';
import type { TransferNumber } from '../../hooks/use-transfer-numbers';
import {
  OTHER_NUMBER,
  WEIGHTED_PICK,
  type AnswerMode,
  type FieldErrors,
  type MakeCallValues,
} from './make-call-request';
import { PhoneNumberInput } from './phone-number-input';

interface AnswerFieldsProps {
  values: MakeCallValues;
  errors: FieldErrors;
  set: <K extends keyof MakeCallValues>(field: K, value: MakeCallValues[K]) => void;
  tenant: Tenant;
  sounds: Sound[];
  transferNumbers: TransferNumber[];
}

function describeDefault(tenant: Tenant): string {
  const destination = tenant.answerDestination;
  if (!destination) return 'The tenant has no default: the server will refuse the call.';
  if (destination.type === 'sound') return `Plays ${destination.sound}.`;
  return `Runs ${destination.exten}@${destination.context} (priority ${destination.priority}).`;
}

/** What happens when the callee answers: play a sound, transfer, run the dialplan, or the tenant's default. */
export function AnswerFields({ values, errors, set, tenant, sounds, transferNumbers }: AnswerFieldsProps) {
  const playable = sounds.filter((sound) => sound.activeVersion !== null);
  const enabledNumbers = transferNumbers.filter((number) => number.enabled);
  return (
    <Stack gap="sm">
      <Radio.Group
        label="When the callee answers"
        value={values.answer}
        onChange={(value) => set('answer', value as AnswerMode)}
        error={errors.answer}
      >
        <Group gap="md" mt={6}>
          <Radio value="sound" label="Play a sound" />
          <Radio value="transfer" label="Transfer" />
          <Radio value="dialplan" label="Dialplan" />
          <Radio value="default" label="Tenant default" />
        </Group>
      </Radio.Group>

      {values.answer === 'sound' && (
        <Stack gap="xs">
          <Select
            label="Sound"
            placeholder={playable.length ? 'Pick a sound' : 'No ready sound in the library'}
            data={playable.map((sound) => ({ value: sound.id, label: sound.name }))}
            value={values.soundId}
            onChange={(value) => set('soundId', value)}
            error={errors.soundId}
            searchable
            nothingFoundMessage="No sound with that name"
            required
          />
          {playable.length === 0 && (
            <Text size="sm" c="dimmed">
              Upload one on the{' '}
              <Anchor component={Link} to="/sounds">
                Sounds page
              </Anchor>
              .
            </Text>
          )}
          {values.soundId && (
            <AudioPlayer
              src={soundPreviewPath(values.soundId)}
              label={`Preview of ${playable.find((s) => s.id === values.soundId)?.name ?? 'the sound'}`}
            />
          )}
        </Stack>
      )}

      {values.answer === 'transfer' && (
        <Stack gap="xs">
          <Select
            label="Transfer to"
            data={[
              {
                value: WEIGHTED_PICK,
                label: `Weighted pick among the tenant's numbers (${enabledNumbers.length} enabled)`,
              },
              ...enabledNumbers.map((number) => ({
                value: number.number,
                label: number.label ? `${number.number} (${number.label})` : number.number,
              })),
              { value: OTHER_NUMBER, label: 'Another number…' },
            ]}
            value={values.transfer}
            onChange={(value) => set('transfer', value ?? WEIGHTED_PICK)}
            error={errors.transfer}
            allowDeselect={false}
          />
          {values.transfer === OTHER_NUMBER && (
            <PhoneNumberInput
              label="Transfer number"
              value={values.transferOther}
              onChange={(value) => set('transferOther', value)}
              defaultCountry={tenant.defaultCountry}
              error={errors.transferOther}
              required
            />
          )}
        </Stack>
      )}

      {values.answer === 'dialplan' && (
        <Group grow align="flex-start">
          <TextInput
            label="Context"
            value={values.context}
            onChange={(event) => set('context', event.currentTarget.value)}
            error={errors.context}
            required
          />
          <TextInput
            label="Extension"
            value={values.exten}
            onChange={(event) => set('exten', event.currentTarget.value)}
            error={errors.exten}
            required
          />
        </Group>
      )}

      {values.answer === 'default' && (
        <Text size="sm" c={tenant.answerDestination ? undefined : 'red.9'}>
          {describeDefault(tenant)}
        </Text>
      )}
    </Stack>
  );
}
