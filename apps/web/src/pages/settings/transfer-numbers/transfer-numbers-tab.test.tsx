import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '../../../../test/fake-api';
import { renderWithApp } from '../../../../test/render';
import { aTransferNumber, page } from '../settings-fixtures';
import { TransferNumbersTab } from './transfer-numbers-tab';

const sales = aTransferNumber();
const support = aTransferNumber({ id: 'tn-2', number: '+12025550151', label: 'Support desk', weight: 3 });
const night = aTransferNumber({
  id: 'tn-3',
  number: '+12025550152',
  label: 'Night line',
  weight: 5,
  enabled: false,
});

const shareOf = (number: string) =>
  within(screen.getByText(number).closest('tr')!).getByTestId('share').textContent;

describe('TransferNumbersTab', () => {
  it('shows each weight and its share of the active weights, as a percent and a bar', async () => {
    renderWithApp(<TransferNumbersTab />, {
      routes: { 'GET /api/tenants/:tenantId/transfer-numbers': () => page([sales, support, night]) },
    });
    expect(await screen.findByText('+12025550150')).toBeInTheDocument();
    expect(shareOf('+12025550150')).toBe('25%');
    expect(shareOf('+12025550151')).toBe('75%');
    expect(shareOf('+12025550152')).toBe('0%');
    expect(screen.getByRole('progressbar', { name: 'Share of +12025550151: 75%' })).toHaveAttribute(
      'aria-valuenow',
      '75',
    );
    expect(screen.getByText(/sum of the active weights \(4\)/)).toBeInTheDocument();
  });

  it('updates the resulting share as a weight is typed', async () => {
    renderWithApp(<TransferNumbersTab />, {
      routes: { 'GET /api/tenants/:tenantId/transfer-numbers': () => page([sales]) },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add transfer number' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a transfer number' });
    const share = within(dialog).getByTestId('share');
    expect(share).toHaveTextContent('50%');
    const weight = within(dialog).getByRole('textbox', { name: 'Weight' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '3');
    expect(share).toHaveTextContent('75%');
    await userEvent.type(weight, '9');
    expect(share).toHaveTextContent('97.5%');
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Active (may be picked)' }));
    expect(share).toHaveTextContent('0%');
  });

  it('previews an edited weight against the others, then saves it without resending the number', async () => {
    const { api } = renderWithApp(<TransferNumbersTab />, {
      routes: {
        'GET /api/tenants/:tenantId/transfer-numbers': () => page([sales, support]),
        'PATCH /api/tenants/:tenantId/transfer-numbers/:numberId': () => ({ ...support, weight: 1 }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit +12025550151' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit transfer number +12025550151' });
    const weight = within(dialog).getByRole('textbox', { name: 'Weight' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '1');
    expect(within(dialog).getByTestId('share')).toHaveTextContent('50%');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save number' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).toEqual({
      label: 'Support desk',
      weight: 1,
      concurrentCap: null,
      enabled: true,
    });
  });

  it("puts a refused number on the number field in the server's words", async () => {
    renderWithApp(<TransferNumbersTab />, {
      routes: {
        'GET /api/tenants/:tenantId/transfer-numbers': () => page([sales]),
        'POST /api/tenants/:tenantId/transfer-numbers': () =>
          json(
            { error: 'transfer-number-exists', message: '+12025550150 is already a transfer number' },
            409,
          ),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add transfer number' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a transfer number' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Number' }), '+12025550150');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add number' }));
    expect(await within(dialog).findByText('+12025550150 is already a transfer number')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Number' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('deletes a number after confirmation', async () => {
    const { api } = renderWithApp(<TransferNumbersTab />, {
      routes: {
        'GET /api/tenants/:tenantId/transfer-numbers': () => page([sales]),
        'DELETE /api/tenants/:tenantId/transfer-numbers/:numberId': () => new Response(null, { status: 204 }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete +12025550150' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete transfer number +12025550150?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete number' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true));
  });

  it('shows the empty state', async () => {
    renderWithApp(<TransferNumbersTab />, {
      routes: { 'GET /api/tenants/:tenantId/transfer-numbers': () => page([]) },
    });
    expect(await screen.findByText('No transfer numbers yet')).toBeInTheDocument();
  });

  it('shows the error state when the list fails', async () => {
    renderWithApp(<TransferNumbersTab />, {
      routes: {
        'GET /api/tenants/:tenantId/transfer-numbers': () =>
          json({ error: 'not-found', message: 'Tenant not found' }, 404),
      },
    });
    expect(await screen.findByText('Tenant not found')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
