import { TextInput } from '@mantine/core';
import { useState } from 'react';

/** A settings form's phone number as typed, and whether it was edited since the form was last sent. */
export interface PhoneNumberFieldState {
  value: string;
  /** The only check made here; the server normalises the number to E.164 and says when it cannot. */
  error: 'Required' | undefined;
  typedSinceSubmit: boolean;
  change: (value: string) => void;
  /** Call when the form is sent, so that what the server says about this number shows again. */
  submitted: () => void;
}

export function usePhoneNumberField(initial: string): PhoneNumberFieldState {
  const [value, setValue] = useState(initial);
  const [typedSinceSubmit, setTypedSinceSubmit] = useState(false);
  return {
    value,
    error: value.trim() === '' ? 'Required' : undefined,
    typedSinceSubmit,
    change: (next) => {
      setValue(next);
      setTypedSinceSubmit(true);
    },
    submitted: () => setTypedSinceSubmit(false),
  };
}

export interface PhoneNumberFieldProps {
  field: PhoneNumberFieldState;
  /** Whether the user has tried to send the form: an empty number is flagged only then, not while typing. */
  showRequired: boolean;
  /** What the server said about the number last sent (see numberSubmitErrors). */
  serverError: string | undefined;
}

/**
 * The number field of the DID and transfer-number forms. The server's error stays on the field until the user
 * edits the number: it was about the number as sent, not as it is being retyped.
 */
export function PhoneNumberField({ field, showRequired, serverError }: PhoneNumberFieldProps) {
  return (
    <TextInput
      label="Number"
      description="E.164 like +14155550123, or national (the tenant's default country)"
      required
      data-autofocus
      inputMode="tel"
      autoComplete="off"
      value={field.value}
      onChange={(event) => field.change(event.currentTarget.value)}
      error={(showRequired && field.error) || (field.typedSinceSubmit ? undefined : serverError)}
    />
  );
}
