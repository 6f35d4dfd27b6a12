import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '../../../../test/fake-api';
import { renderWithApp, TENANT_ID } from '../../../../test/render';
import { aSound } from '../../sounds/sound-fixtures';
import { aTenant, page } from '../settings-fixtures';
import { TenantsTab } from './tenants-tab';

/** Types a whole value at once: typing long values key by key is slow on a busy machine. */
async function fill(field: HTMLElement, value: string) {
  await userEvent.clear(field);
  await userEvent.click(field);
  await userEvent.paste(value);
}

const superAdmin = { tenantId: null, keyId: null };
const globex = aTenant({
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Globex',
  slug: 'globex',
  enabled: false,
});

describe('TenantsTab (super-admin)', () => {
  it('lists every tenant with its country, rotation, limits and status', async () => {
    renderWithApp(<TenantsTab />, {
      principal: superAdmin,
      routes: { 'GET /api/tenants': () => page([aTenant({ maxConcurrentCalls: 20 }), globex]) },
    });
    const acme = (await screen.findByText('Acme Outbound')).closest('tr')!;
    expect(within(acme).getByText('Round robin')).toBeInTheDocument();
    expect(within(acme).getByText('20 at once')).toBeInTheDocument();
    expect(within(screen.getByText('Globex').closest('tr')!).getByText('No limits')).toBeInTheDocument();
    expect(within(acme).getByText('Enabled')).toBeInTheDocument();
    expect(within(screen.getByText('Globex').closest('tr')!).getByText('Disabled')).toBeInTheDocument();
  });

  it('creates a tenant: the slug follows the name, mistakes show on their fields before sending', async () => {
    const { api } = renderWithApp(<TenantsTab />, {
      principal: superAdmin,
      routes: {
        'GET /api/tenants': () => page([]),
        'POST /api/tenants': async (request) => json(aTenant((await request.json()) as object), 201),
      },
    });
    expect(await screen.findByText('No tenants yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'New tenant' });
    await fill(within(dialog).getByRole('textbox', { name: 'Name' }), 'Globex Support');
    expect(within(dialog).getByRole('textbox', { name: 'Slug' })).toHaveValue('globex-support');

    const template = within(dialog).getByRole('textbox', { name: 'Originate channel' });
    await fill(template, 'PJSIP/trunk');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'A dialplan extension' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create tenant' }));
    expect(within(dialog).getByText('Must contain {number}')).toBeInTheDocument();
    expect(within(dialog).getAllByText('Letters, digits and _ - + * # . only')).toHaveLength(2);
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    await fill(template, 'PJSIP/trunk/{number}');
    await fill(within(dialog).getByRole('textbox', { name: 'Context' }), 'from-switchboard');
    await fill(within(dialog).getByRole('textbox', { name: 'Extension' }), 's');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create tenant' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(await api.requests.find((r) => r.method === 'POST')!.json()).toEqual({
      name: 'Globex Support',
      slug: 'globex-support',
      defaultCountry: 'US',
      callerName: null,
      maxConcurrentCalls: null,
      callsPerSecond: null,
      originateChannelTemplate: 'PJSIP/trunk/{number}',
      answerDestination: { type: 'dialplan', context: 'from-switchboard', exten: 's', priority: 1 },
      didRotation: 'round-robin',
      enabled: true,
      operatorsMayDeleteRecordings: false,
    });
  });

  it('shows a taken slug on the slug field', async () => {
    renderWithApp(<TenantsTab />, {
      principal: superAdmin,
      routes: {
        'GET /api/tenants': () => page([aTenant()]),
        'POST /api/tenants': () => json({ error: 'slug-taken', message: 'The slug "acme" is taken' }, 409),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'New tenant' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Acme');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create tenant' }));
    expect(await within(dialog).findByText('The slug "acme" is taken')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Slug' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('deletes a tenant only once its slug is typed', async () => {
    const { api } = renderWithApp(<TenantsTab />, {
      principal: superAdmin,
      routes: {
        'GET /api/tenants': () => page([globex]),
        'DELETE /api/tenants/:tenantId': () => new Response(null, { status: 204 }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Globex' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Globex?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete tenant' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Type globex to confirm' }), 'globex');
    await userEvent.click(confirm);
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true));
  });

  it('picks a tenant to work on from its row', async () => {
    const { session } = renderWithApp(<TenantsTab />, {
      principal: superAdmin,
      routes: { 'GET /api/tenants': () => page([aTenant(), globex]) },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Work on Globex' }));
    expect(session.setTenantId).toHaveBeenCalledWith(globex.id);
  });

  it('shows the error state when the list fails', async () => {
    renderWithApp(<TenantsTab />, {
      principal: superAdmin,
      routes: { 'GET /api/tenants': () => json({ error: 'internal-error', message: 'Boom' }, 500) },
    });
    expect(await screen.findByText('Boom')).toBeInTheDocument();
  });
});

describe("TenantsTab (a tenant's admin)", () => {
  it('edits only its own tenant, sending every setting', async () => {
    const { api } = renderWithApp(<TenantsTab />, {
      routes: {
        'GET /api/tenants/:tenantId': () => aTenant(),
        'PATCH /api/tenants/:tenantId': async (request) => aTenant((await request.json()) as object),
      },
    });
    const form = await screen.findByRole('form', { name: 'Settings of Acme Outbound' });
    expect(screen.queryByRole('button', { name: 'New tenant' })).not.toBeInTheDocument();
    const limit = within(form).getByRole('textbox', { name: 'Max concurrent calls' });
    await userEvent.type(limit, '25');
    await userEvent.click(within(form).getByRole('switch', { name: /Operators may delete recordings/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe(`/api/tenants/${TENANT_ID}`);
    expect(await patch.json()).toMatchObject({ maxConcurrentCalls: 25, operatorsMayDeleteRecordings: true });
  });

  it("suggests the tenant's playable library sounds for the default answer, and still takes any name", async () => {
    const { api } = renderWithApp(<TenantsTab />, {
      routes: {
        'GET /api/tenants/:tenantId': () => aTenant(),
        'GET /api/sounds': () =>
          page([
            aSound(),
            aSound({
              id: 'still-converting',
              name: 'promo',
              playback: 'custom/acme/promo',
              activeVersion: null,
            }),
          ]),
        'PATCH /api/tenants/:tenantId': async (request) => aTenant((await request.json()) as object),
      },
    });
    const form = await screen.findByRole('form', { name: 'Settings of Acme Outbound' });
    await userEvent.click(within(form).getByRole('radio', { name: 'A sound' }));
    const field = within(form).getByRole('textbox', { name: 'Sound name' });
    await userEvent.click(field);
    expect(
      await screen.findByRole('option', { name: 'custom/acme/welcome', hidden: true }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'custom/acme/promo', hidden: true })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('option', { name: 'custom/acme/welcome', hidden: true }));
    expect(field).toHaveValue('custom/acme/welcome');
    const sounds = api.requests.find((r) => new URL(r.url).pathname === '/api/sounds')!;
    expect(new URL(sounds.url).searchParams.get('tenantId')).toBe(TENANT_ID);

    await userEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).toMatchObject({
      answerDestination: { type: 'sound', sound: 'custom/acme/welcome' },
    });
    // A sound of the PBX's own, typed: no suggestion needed.
    await fill(field, 'hello-world');
    expect(field).toHaveValue('hello-world');
  });

  it("shows the server's refusal above the buttons", async () => {
    renderWithApp(<TenantsTab />, {
      routes: {
        'GET /api/tenants/:tenantId': () => aTenant(),
        'PATCH /api/tenants/:tenantId': () =>
          json({ error: 'validation-failed', message: 'The request body is invalid' }, 400),
      },
    });
    const form = await screen.findByRole('form', { name: 'Settings of Acme Outbound' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await within(form).findByText('The request body is invalid')).toBeInTheDocument();
  });
});
