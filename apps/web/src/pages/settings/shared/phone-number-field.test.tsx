import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../test/render';
import { PhoneNumberField, usePhoneNumberField } from './phone-number-field';

/** A form with only the number: every send is answered with `serverError` (as a refused save would be). */
function NumberForm({ initial = '', serverError }: { initial?: string; serverError?: string }) {
  const field = usePhoneNumberField(initial);
  const [attempted, setAttempted] = useState(false);
  const [answer, setAnswer] = useState<string | undefined>();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        if (field.error) return;
        field.submitted();
        setAnswer(serverError);
      }}
    >
      <PhoneNumberField field={field} showRequired={attempted} serverError={answer} />
      <button type="submit">Send</button>
    </form>
  );
}

const numberField = () => screen.getByRole('textbox', { name: 'Number' });

describe('PhoneNumberField', () => {
  it('says an empty number is required only once the form is sent', async () => {
    renderWithApp(<NumberForm />);
    expect(numberField()).toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(numberField()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Required')).toBeInTheDocument();
    await userEvent.type(numberField(), '+1');
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
  });

  it("keeps the server's error until the number is edited, and shows it again after the next send", async () => {
    renderWithApp(<NumberForm initial="12" serverError="It is too short" />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('It is too short')).toBeInTheDocument();
    expect(numberField()).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(numberField(), '3');
    expect(screen.queryByText('It is too short')).not.toBeInTheDocument();
    expect(numberField()).toHaveAttribute('aria-invalid', 'false');

    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('It is too short')).toBeInTheDocument();
  });

  it('starts from the number being edited', () => {
    renderWithApp(<NumberForm initial="+14155550123" />);
    expect(numberField()).toHaveValue('+14155550123');
    expect(numberField()).toBeRequired();
  });
});
