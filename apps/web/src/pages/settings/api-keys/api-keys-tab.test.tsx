import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '../../../../test/fake-api';
import { renderWithApp } from '../../../../test/render';
import { aTenant, anApiKey, page } from '../settings-fixtures';
import { ApiKeysTab } from './api-keys-tab';

const SECRET = 'sb_NEWSECRETnewsecretNEWSECRETnewsecret0000';
const own = anApiKey({ id: 'k1', name: 'Ops admin', role: 'admin', lastUsedAt: '2026-11-25T05:00:00.000Z' });
const crm = anApiKey({ id: 'key-crm' });
const old = anApiKey({
  id: 'key-old',
  name: 'Old export',
  role: 'viewer',
  revokedAt: '2026-11-20T09:00:00.000Z',
});

describe('ApiKeysTab', () => {
  it('lists keys with role, created and last used, marks the session key, and revoked keys cannot be revoked', async () => {
    renderWithApp(<ApiKeysTab />, {
      routes: { 'GET /api/tenants/:tenantId/api-keys': () => page([own, crm, old]) },
    });
    const ownRow = (await screen.findByText('Ops admin')).closest('tr')!;
    expect(within(ownRow).getByText('this session')).toBeInTheDocument();
    expect(within(ownRow).getByText('admin')).toBeInTheDocument();
    expect(within(ownRow).getByText('sb_abcd…')).toBeInTheDocument();
    const crmRow = screen.getByText('CRM integration').closest('tr')!;
    expect(within(crmRow).queryByText('this session')).not.toBeInTheDocument();
    expect(within(crmRow).getAllByText('never').length).toBeGreaterThan(0);
    const oldRow = screen.getByText('Old export').closest('tr')!;
    expect(within(oldRow).getAllByText(/^Revoked/).length).toBeGreaterThan(0);
    expect(within(oldRow).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it('creates a key and shows its secret once, with a copy button and a clear warning', async () => {
    const user = userEvent.setup();
    const keys = [own];
    const { api } = renderWithApp(<ApiKeysTab />, {
      routes: {
        'GET /api/tenants/:tenantId/api-keys': () => page(keys),
        'POST /api/tenants/:tenantId/api-keys': () => {
          const created = anApiKey({ id: 'key-new', name: 'Dialer', role: 'viewer' });
          keys.push(created);
          return json({ ...created, key: SECRET }, 201);
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const form = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.click(within(form).getByRole('button', { name: 'Create key' }));
    expect(within(form).getByText('Required: say what the key is for')).toBeInTheDocument();

    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Dialer');
    await user.click(within(form).getByRole('textbox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Viewer', hidden: true }));
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'API key "Dialer" created' });
    expect(within(shown).getByText(/you will not see it again/)).toBeInTheDocument();
    expect(within(shown).getByTestId('created-api-key')).toHaveTextContent(SECRET);
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ name: 'Dialer', role: 'viewer' });

    await user.click(within(shown).getByRole('button', { name: 'Copy key' }));
    expect(await within(shown).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    await user.click(within(shown).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).not.toBeInTheDocument());
    expect(await screen.findByText('Dialer')).toBeInTheDocument();
  });

  it("shows the server's refusal in the create dialog", async () => {
    renderWithApp(<ApiKeysTab />, {
      routes: {
        'GET /api/tenants/:tenantId/api-keys': () => page([]),
        'POST /api/tenants/:tenantId/api-keys': () =>
          json({ error: 'forbidden', message: 'This key may not create API keys' }, 403),
      },
    });
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create API key' }));
    const form = await screen.findByRole('dialog', { name: 'Create an API key' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));
    expect(await within(form).findByText('This key may not create API keys')).toBeInTheDocument();
  });

  it('revokes another key after confirmation, and stays signed in', async () => {
    const { api, session } = renderWithApp(<ApiKeysTab />, {
      routes: {
        'GET /api/tenants/:tenantId/api-keys': () => page([own, crm]),
        'DELETE /api/tenants/:tenantId/api-keys/:keyId': () => new Response(null, { status: 204 }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke CRM integration' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke CRM integration?' });
    expect(within(dialog).queryByText('This is the key you are signed in with')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true));
    expect(new URL(api.requests.find((r) => r.method === 'DELETE')!.url).pathname).toMatch(/key-crm$/);
    expect(session.signOut).not.toHaveBeenCalled();
  });

  it('warns before revoking the key of this session, then signs out', async () => {
    const { session } = renderWithApp(<ApiKeysTab />, {
      routes: {
        'GET /api/tenants/:tenantId/api-keys': () => page([own]),
        'DELETE /api/tenants/:tenantId/api-keys/:keyId': () => new Response(null, { status: 204 }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Ops admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke Ops admin?' });
    expect(within(dialog).getByText('This is the key you are signed in with')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke and sign out' }));
    await waitFor(() => expect(session.signOut).toHaveBeenCalled());
  });

  it('shows the error state when the list fails', async () => {
    renderWithApp(<ApiKeysTab />, {
      routes: {
        'GET /api/tenants/:tenantId/api-keys': () =>
          json({ error: 'forbidden', message: 'Admins only' }, 403),
      },
    });
    expect(await screen.findByText('Admins only')).toBeInTheDocument();
  });

  describe('with a platform key (no tenant)', () => {
    const platformPrincipal = { tenantId: null, keyId: 'pk-own', role: 'admin' as const };
    const ownPlatform = anApiKey({ id: 'pk-own', tenantId: null, name: 'First start', role: 'admin' });
    const opsPlatform = anApiKey({ id: 'pk-ops', tenantId: null, name: 'Ops team', role: 'admin' });

    it("lists the platform keys below the tenant's, marks this session's, and asks for a tenant for the rest", async () => {
      renderWithApp(<ApiKeysTab />, {
        principal: platformPrincipal,
        routes: {
          'GET /api/tenants': () => page([aTenant()]),
          'GET /api/api-keys': () => page([ownPlatform, opsPlatform]),
        },
      });
      const platform = await screen.findByRole('region', { name: 'Platform keys' });
      const ownRow = (await within(platform).findByText('First start')).closest('tr')!;
      expect(within(ownRow).getByText('this session')).toBeInTheDocument();
      expect(within(platform).getByText('Ops team')).toBeInTheDocument();
      const tenant = screen.getByRole('region', { name: 'Keys of the tenant' });
      expect(await within(tenant).findByText('Pick a tenant')).toBeInTheDocument();
    });

    it('creates a platform key, always admin (no role to pick), and shows its secret once', async () => {
      const user = userEvent.setup();
      const keys = [ownPlatform];
      const { api } = renderWithApp(<ApiKeysTab />, {
        principal: platformPrincipal,
        routes: {
          'GET /api/tenants': () => page([aTenant()]),
          'GET /api/api-keys': () => page(keys),
          'POST /api/api-keys': () => {
            const created = anApiKey({ id: 'pk-new', tenantId: null, name: 'Billing', role: 'admin' });
            keys.push(created);
            return json({ ...created, key: SECRET }, 201);
          },
        },
      });
      await user.click(await screen.findByRole('button', { name: 'Create platform key' }));
      const form = await screen.findByRole('dialog', { name: 'Create a platform key' });
      expect(within(form).queryByRole('textbox', { name: 'Role' })).not.toBeInTheDocument();
      expect(within(form).getByText(/admin of every tenant/)).toBeInTheDocument();
      await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Billing');
      await user.click(within(form).getByRole('button', { name: 'Create key' }));
      const shown = await screen.findByRole('dialog', { name: 'API key "Billing" created' });
      expect(within(shown).getByTestId('created-api-key')).toHaveTextContent(SECRET);
      const post = api.requests.find((r) => r.method === 'POST')!;
      expect(new URL(post.url).pathname).toBe('/api/api-keys');
      expect(await post.json()).toEqual({ name: 'Billing', role: 'admin' });
      await user.click(within(shown).getByRole('button', { name: 'I have stored it' }));
      const platform = screen.getByRole('region', { name: 'Platform keys' });
      expect(await within(platform).findByText('Billing')).toBeInTheDocument();
    });

    it('revokes a platform key through /api/api-keys', async () => {
      const { api, session } = renderWithApp(<ApiKeysTab />, {
        principal: platformPrincipal,
        routes: {
          'GET /api/tenants': () => page([aTenant()]),
          'GET /api/api-keys': () => page([ownPlatform, opsPlatform]),
          'DELETE /api/api-keys/:keyId': () => new Response(null, { status: 204 }),
        },
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Revoke Ops team' }));
      const dialog = await screen.findByRole('dialog', { name: 'Revoke Ops team?' });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
      await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true));
      expect(new URL(api.requests.find((r) => r.method === 'DELETE')!.url).pathname).toBe(
        '/api/api-keys/pk-ops',
      );
      expect(session.signOut).not.toHaveBeenCalled();
    });
  });

  it("never shows or asks for platform keys with a tenant's key", async () => {
    const { api } = renderWithApp(<ApiKeysTab />, {
      routes: { 'GET /api/tenants/:tenantId/api-keys': () => page([own]) },
    });
    expect(await screen.findByText('Ops admin')).toBeInTheDocument();
    expect(screen.queryByText('Platform keys')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create platform key' })).not.toBeInTheDocument();
    expect(api.requests.some((r) => new URL(r.url).pathname === '/api/api-keys')).toBe(false);
  });
});
