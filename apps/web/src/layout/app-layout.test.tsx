import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp, TENANT_ID } from '../../test/render';
import { AppLayout } from './app-layout';

const routes = (simulated: boolean) => ({
  'GET /api/tenants/:tenantId': () => ({ id: TENANT_ID, name: 'Acme Outbound' }),
  'GET /api/health/ready': () => ({
    status: 'ready',
    database: { kind: 'pglite', ok: true },
    pbx: [{ name: 'simulated', host: '127.0.0.1', port: 1, simulated, state: 'ready', ready: true }],
    simulated,
    warnings: [],
  }),
});

describe('AppLayout', () => {
  it("shows the tenant's name, the role and a loud SIMULATED badge", async () => {
    renderWithApp(<AppLayout />, { routes: routes(true), principal: { role: 'operator' } });
    expect(await screen.findByText('Acme Outbound')).toBeInTheDocument();
    expect(screen.getByTestId('role')).toHaveTextContent('operator');
    await waitFor(() => expect(screen.getByTestId('pbx-state')).toHaveTextContent('SIMULATED · connected'));
  });

  it('shows a real PBX as connected, without the simulated mark', async () => {
    renderWithApp(<AppLayout />, { routes: routes(false) });
    await waitFor(() => expect(screen.getByTestId('pbx-state')).toHaveTextContent('PBX connected'));
    expect(screen.queryByText(/SIMULATED/)).not.toBeInTheDocument();
  });

  it('offers each role only the pages it may use', async () => {
    renderWithApp(<AppLayout />, { routes: routes(false), principal: { role: 'viewer' } });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByText('Call logs')).toBeInTheDocument();
    expect(within(nav).queryByText('Make a call')).not.toBeInTheDocument();
    expect(within(nav).queryByText('Settings')).not.toBeInTheDocument();
  });
});
