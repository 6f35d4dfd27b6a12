import { Text, TextInput } from '@mantine/core';
import { checkPhoneNumber } from './phone-check';
import { ACCESSIBLE_GREEN } from '../../components/status-chip';

interface PhoneNumberInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  defaultCountry: string | undefined;
  /** An error to show instead of the live check (the server's, or "required" on submit). */
  error?: string | undefined;
  required?: boolean;
  autoFocus?: boolean;
}

/** A phone number field that says, as you type, what will be dialled (E.164) or what is wrong. */
export function PhoneNumberInput(props: PhoneNumberInputProps) {
  const check = checkPhoneNumber(props.value, props.defaultCountry);
  const liveError = check.kind === 'invalid' ? `Not a valid number: ${check.message}` : undefined;
  const hint =
    check.kind === 'valid' ? (
      <Text component="span" size="sm" c={ACCESSIBLE_GREEN}>
        Will dial <strong>{check.e164}</strong> ({check.international}
        {check.country ? `, ${check.country}` : ''})
      </Text>
    ) : check.kind === 'incomplete' ? (
      `Keep typing: ${check.message}`
    ) : props.defaultCountry ? (
      `E.164 (+country code) or a national number of ${props.defaultCountry}`
    ) : (
      'E.164: + and the country code'
    );
  return (
    <TextInput
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error ?? liveError}
      description={hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      type="tel"
      autoComplete="tel"
      required={props.required}
      autoFocus={props.autoFocus}
      descriptionProps={{ 'aria-live': 'polite' }}
    />
  );
}
