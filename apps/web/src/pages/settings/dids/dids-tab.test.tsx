import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '../../../../test/fake-api';
import { renderWithApp } from '../../../../test/render';
import { aDid, aTenant, page } from '../settings-fixtures';
import { DidsTab } from './dids-tab';

const tenantRoute = { 'GET /api/tenants/:tenantId': () => aTenant({ didRotation: 'least-recently-used' }) };

describe('DidsTab', () => {
  it("lists each DID with its status, today's usage against its cap, and the tenant's rotation", async () => {
    renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () =>
          page([
            aDid({ usesToday: 3, dailyCap: 10 }),
            aDid({
              id: 'did-2',
              number: '+13125550102',
              label: null,
              enabled: false,
              usesToday: 5,
              dailyCap: 5,
            }),
            aDid({ id: 'did-3', number: '+12125550104', usesToday: 7 }),
          ]),
      },
    });
    expect(await screen.findByText('3 / 10 today')).toBeInTheDocument();
    expect(screen.getByText('Inactive')).toBeInTheDocument();
    expect(screen.getByText(/cap reached/)).toBeInTheDocument();
    expect(screen.getByText('7 today')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '3 of 10 calls today' })).toBeInTheDocument();
    expect(await screen.findByDisplayValue('Least recently used')).toBeInTheDocument();
  });

  it('shows the empty state, and the error state with a retry', async () => {
    let fail = true;
    renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () =>
          fail
            ? json({ error: 'database-unavailable', message: 'The database is unavailable' }, 503)
            : page([]),
      },
    });
    expect(await screen.findByText('The database is unavailable')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No DIDs yet')).toBeInTheDocument();
  });

  it("puts the server's refusal of a number on the number field and keeps the dialog open", async () => {
    const { api } = renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () => page([]),
        'POST /api/tenants/:tenantId/dids': () =>
          json(
            { error: 'invalid-phone-number', message: '"12" is not a valid phone number: it is too short' },
            422,
          ),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add DID' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a DID' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Number' }), '12');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add DID' }));

    const field = within(dialog).getByRole('textbox', { name: 'Number' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('"12" is not a valid phone number: it is too short')).toBeInTheDocument();
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ number: '12', label: null, dailyCap: null, enabled: true });

    await userEvent.type(field, '3');
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it('refuses an empty number before sending anything', async () => {
    const { api } = renderWithApp(<DidsTab />, {
      routes: { ...tenantRoute, 'GET /api/tenants/:tenantId/dids': () => page([]) },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add DID' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a DID' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add DID' }));
    expect(within(dialog).getByText('Required')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('adds a DID and lists it', async () => {
    const dids = [aDid()];
    renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () => page(dids),
        'POST /api/tenants/:tenantId/dids': async (request) => {
          const body = (await request.json()) as { number: string; dailyCap: number };
          const did = aDid({ id: 'did-new', number: '+12025550101', label: null, dailyCap: body.dailyCap });
          dids.push(did);
          return json(did, 201);
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add DID' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a DID' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Number' }), '202 555 0101');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Daily cap' }), '50');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add DID' }));
    expect(await screen.findByText('+12025550101')).toBeInTheDocument();
    expect(screen.getByText('0 / 50 today')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('edits a DID without resending its unchanged number', async () => {
    const { api } = renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () => page([aDid()]),
        'PATCH /api/tenants/:tenantId/dids/:didId': () => aDid({ label: 'SF office' }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit +14155550123' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit DID +14155550123' });
    const label = within(dialog).getByRole('textbox', { name: 'Label' });
    await userEvent.clear(label);
    await userEvent.type(label, 'SF office');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save DID' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toMatch(/\/dids\/did-1$/);
    expect(await patch.json()).toEqual({ label: 'SF office', dailyCap: null, enabled: true });
  });

  it('deletes a DID only after confirmation', async () => {
    const { api } = renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () => page([aDid()]),
        'DELETE /api/tenants/:tenantId/dids/:didId': () => new Response(null, { status: 204 }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete +14155550123' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete DID +14155550123?' });
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete DID' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true));
  });

  it("changes the tenant's rotation strategy", async () => {
    const { api } = renderWithApp(<DidsTab />, {
      routes: {
        ...tenantRoute,
        'GET /api/tenants/:tenantId/dids': () => page([]),
        'PATCH /api/tenants/:tenantId': () => aTenant({ didRotation: 'local-presence' }),
      },
    });
    await userEvent.click(await screen.findByRole('textbox', { name: 'Caller ID rotation' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Local presence', hidden: true }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).toEqual({ didRotation: 'local-presence' });
  });

  it('asks the super-admin without a tenant to pick one', async () => {
    renderWithApp(<DidsTab />, {
      routes: { 'GET /api/tenants': () => page([aTenant()]) },
      principal: { tenantId: null, keyId: null },
    });
    expect(await screen.findByText('Pick a tenant', { selector: 'p' })).toBeInTheDocument();
  });
});
