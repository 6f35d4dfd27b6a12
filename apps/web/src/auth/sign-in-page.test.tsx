import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeApi, json } from '../../test/fake-api';
import { SignInPage } from './sign-in-page';

function renderSignIn(status: number) {
  const api = createFakeApi({
    'GET /api/auth/me': (request) =>
      status === 200
        ? { keyId: null, tenantId: null, role: 'admin', auth: request.headers.get('authorization') }
        : json({ error: 'unauthenticated', message: 'Unknown or revoked API key' }, status),
  });
  const onSignIn = vi.fn();
  render(
    <MantineProvider>
      <SignInPage onSignIn={onSignIn} notice={null} fetchImpl={api.fetch} />
    </MantineProvider>,
  );
  return { api, onSignIn };
}

describe('SignInPage', () => {
  it('checks the key with /api/auth/me and keeps it (trimmed) when accepted', async () => {
    const { api, onSignIn } = renderSignIn(200);
    await userEvent.type(screen.getByLabelText('API key'), '  sb_good_key  ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledWith('sb_good_key');
    expect(api.requests[0]!.headers.get('authorization')).toBe('Bearer sb_good_key');
  });

  it('shows what the server said about a refused key and keeps the user on the page', async () => {
    const { onSignIn } = renderSignIn(401);
    await userEvent.type(screen.getByLabelText('API key'), 'sb_bad');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Unknown or revoked API key')).toBeInTheDocument();
    expect(onSignIn).not.toHaveBeenCalled();
  });

  it('asks for a key instead of sending an empty one', async () => {
    const { api } = renderSignIn(200);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter an API key.')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
