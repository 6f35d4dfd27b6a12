import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp, TENANT_ID } from '../../../test/render';
import { aDid, aTenant, page } from './settings-fixtures';
import { SettingsPage } from './settings-page';

const routes = {
  'GET /api/tenants/:tenantId': () => aTenant(),
  'GET /api/tenants': () => page([aTenant()]),
  'GET /api/tenants/:tenantId/dids': () => page([aDid()]),
  'GET /api/tenants/:tenantId/transfer-numbers': () => page([]),
  'GET /api/tenants/:tenantId/api-keys': () => page([]),
};

describe('SettingsPage', () => {
  it("opens on the tenant tab, where a tenant's admin edits only its own tenant", async () => {
    renderWithApp(<SettingsPage />, { routes, path: '/settings', routePath: 'settings/*' });
    expect(await screen.findByRole('tab', { name: 'Tenant', selected: true })).toBeInTheDocument();
    expect(await screen.findByRole('form', { name: 'Settings of Acme Outbound' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New tenant' })).not.toBeInTheDocument();
  });

  it('keeps the tab in the URL: a tab opens from its address and a click moves to the next', async () => {
    renderWithApp(<SettingsPage />, { routes, path: '/settings/dids', routePath: 'settings/*' });
    expect(screen.getByRole('tab', { name: 'DIDs', selected: true })).toBeInTheDocument();
    expect(await screen.findByText('+14155550123')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Transfer numbers' }));
    expect(screen.getByRole('tab', { name: 'Transfer numbers', selected: true })).toBeInTheDocument();
    expect(await screen.findByText('No transfer numbers yet')).toBeInTheDocument();
  });

  it('says so for an unknown settings address', () => {
    renderWithApp(<SettingsPage />, { routes, path: '/settings/nope', routePath: 'settings/*' });
    expect(screen.getByText('No such settings page')).toBeInTheDocument();
  });

  it('asks the super-admin without a tenant to pick one on the tenant-scoped tabs', async () => {
    const { session } = renderWithApp(<SettingsPage />, {
      routes,
      principal: { tenantId: null, keyId: null },
      path: '/settings/api-keys',
      routePath: 'settings/*',
    });
    expect(screen.getByRole('tab', { name: 'Tenants' })).toBeInTheDocument();
    expect(await screen.findByText('Pick a tenant', { selector: 'p' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('textbox', { name: 'Tenant' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Acme Outbound', hidden: true }));
    expect(session.setTenantId).toHaveBeenCalledWith(TENANT_ID);
  });
});
