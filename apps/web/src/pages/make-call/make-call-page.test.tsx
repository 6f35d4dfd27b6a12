import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, type FakeHandler } from '../../../test/fake-api';
import { renderWithApp, TENANT_ID } from '../../../test/render';
import { aCall } from '../../hooks/call-fixtures';
import type { MakeCallBody } from '../../hooks/use-calls';
import { MakeCallPage } from './make-call-page';

const SOUND_ID = '44444444-4444-4444-8444-444444444444';

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test/preview';
  URL.revokeObjectURL = () => undefined;
});

const tenant = {
  id: TENANT_ID,
  name: 'Acme Outbound',
  slug: 'acme',
  defaultCountry: 'US',
  callerName: null,
  maxConcurrentCalls: null,
  callsPerSecond: null,
  originateChannelTemplate: 'Local/${number}@outbound',
  answerDestination: null,
  didRotation: 'round-robin',
  enabled: true,
  operatorsMayDeleteRecordings: false,
  createdAt: '2026-11-25T08:00:00.000Z',
  updatedAt: '2026-11-25T08:00:00.000Z',
};
const did = { id: 'd1', tenantId: TENANT_ID, number: '+12025550001', label: 'Main', enabled: true };
const sound = {
  id: SOUND_ID,
  tenantId: TENANT_ID,
  name: 'welcome',
  status: 'ready',
  activeVersion: { id: 'v1', version: 1, status: 'ready' },
};

function baseRoutes(extra: Record<string, FakeHandler> = {}): Record<string, FakeHandler> {
  return {
    'GET /api/tenants/:tenantId': () => tenant,
    'GET /api/tenants/:tenantId/dids': () => ({ items: [did], nextCursor: null }),
    'GET /api/tenants/:tenantId/transfer-numbers': () => ({ items: [], nextCursor: null }),
    'GET /api/sounds': () => ({ items: [sound], nextCursor: null }),
    'GET /api/sounds/:soundId/preview': () => new Response(new Uint8Array([82, 73, 70, 70])),
    ...extra,
  };
}

function renderPage(routes: Record<string, FakeHandler>, principal = {}) {
  return renderWithApp(
    <Routes>
      <Route path="/calls/new" element={<MakeCallPage />} />
      <Route path="/calls/:callId" element={<p>live view</p>} />
    </Routes>,
    { routes, path: '/calls/new', principal },
  );
}

async function pickSound() {
  await userEvent.click(screen.getByRole('textbox', { name: 'Sound' }));
  await userEvent.click(await screen.findByRole('option', { name: 'welcome', hidden: true }));
}

const makeCallRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname === '/api/calls/make-call');

describe('MakeCallPage', () => {
  it('says as you type what will be dialled, in E.164 for the tenant country', async () => {
    renderPage(baseRoutes());
    const number = await screen.findByLabelText(/Number to call/);
    await userEvent.type(number, '202');
    expect(screen.getByText('Keep typing: too short so far')).toBeInTheDocument();
    await userEvent.type(number, '5550100');
    expect(screen.getByText(/Will dial/)).toHaveTextContent('Will dial +12025550100 (+1 202 555 0100, US)');
    await userEvent.type(number, '99999');
    expect(screen.getByText('Not a valid number: too long')).toBeInTheDocument();
  });

  it('places the call with one Idempotency-Key per request body and opens its live view', async () => {
    let attempts = 0;
    const bodies: MakeCallBody[] = [];
    const { api } = renderPage(
      baseRoutes({
        'POST /api/calls/make-call': async (request) => {
          bodies.push((await request.json()) as MakeCallBody);
          attempts += 1;
          if (attempts === 1) return json({ error: 'internal-error', message: 'Try again later' }, 500);
          return json(aCall({ id: '55555555-5555-4555-8555-555555555555' }), 202);
        },
      }),
    );
    await userEvent.type(await screen.findByLabelText(/Number to call/), '2025550100');
    await pickSound();
    expect(await screen.findByLabelText('Preview of welcome')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('switch', { name: 'Record the call' }));
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again later');
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(await screen.findByText('live view')).toBeInTheDocument();

    expect(bodies[0]).toEqual({
      to: '2025550100',
      record: true,
      timeoutSeconds: 30,
      soundId: SOUND_ID,
      tenantId: TENANT_ID,
    });
    const [first, second] = makeCallRequests(api.requests);
    expect(first!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get('idempotency-key')).toBe(first!.headers.get('idempotency-key'));
  });

  it('places one call on a double-click', async () => {
    const { api } = renderPage(
      baseRoutes({
        'POST /api/calls/make-call': () => json(aCall({ id: '55555555-5555-4555-8555-555555555555' }), 202),
      }),
    );
    await userEvent.type(await screen.findByLabelText(/Number to call/), '2025550100');
    await pickSound();
    await userEvent.dblClick(screen.getByRole('button', { name: 'Call' }));
    expect(await screen.findByText('live view')).toBeInTheDocument();
    const keys = new Set(makeCallRequests(api.requests).map((r) => r.headers.get('idempotency-key')));
    expect(keys.size).toBe(1);
  });

  it('uses a new Idempotency-Key when the request changes', async () => {
    const { api } = renderPage(
      baseRoutes({
        'POST /api/calls/make-call': () => json({ error: 'internal-error', message: 'Try again later' }, 500),
      }),
    );
    const number = await screen.findByLabelText(/Number to call/);
    await userEvent.type(number, '2025550100');
    await pickSound();
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    await screen.findByRole('alert');
    await userEvent.clear(number);
    await userEvent.type(number, '2025550486');
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(makeCallRequests(api.requests)).toHaveLength(2));
    const [first, second] = makeCallRequests(api.requests);
    expect(second!.headers.get('idempotency-key')).not.toBe(first!.headers.get('idempotency-key'));
  });

  it("starts with the tenant's default on answer when the library has no sound, and sends none", async () => {
    const bodies: MakeCallBody[] = [];
    renderPage(
      baseRoutes({
        'GET /api/tenants/:tenantId': () => ({
          ...tenant,
          answerDestination: { type: 'sound', sound: 'hello-world' },
        }),
        'GET /api/sounds': () => ({ items: [], nextCursor: null }),
        'POST /api/calls/make-call': async (request) => {
          bodies.push((await request.json()) as MakeCallBody);
          return json(aCall(), 202);
        },
      }),
    );
    expect(await screen.findByRole('radio', { name: 'Tenant default' })).toBeChecked();
    expect(screen.getByText('Plays hello-world.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Number to call/), '+12025550100');
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(await screen.findByText('live view')).toBeInTheDocument();
    expect(bodies[0]).toEqual({ to: '+12025550100', record: false, timeoutSeconds: 30, tenantId: TENANT_ID });
  });

  it('offers every sound of the library, reading all its pages', async () => {
    const second = { ...sound, id: '99999999-9999-4999-8999-999999999999', name: 'goodbye' };
    renderPage(
      baseRoutes({
        'GET /api/sounds': (request) =>
          new URL(request.url).searchParams.get('cursor') === 'next'
            ? { items: [second], nextCursor: null }
            : { items: [sound], nextCursor: 'next' },
      }),
    );
    await userEvent.click(await screen.findByRole('textbox', { name: 'Sound' }));
    expect(await screen.findByRole('option', { name: 'goodbye', hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'welcome', hidden: true })).toBeInTheDocument();
  });

  it('checks the form before sending it', async () => {
    const { api } = renderPage(baseRoutes());
    await userEvent.click(await screen.findByRole('button', { name: 'Call' }));
    expect(screen.getByText('Enter the number to call')).toBeInTheDocument();
    expect(screen.getByText('Pick the sound to play')).toBeInTheDocument();
    expect(makeCallRequests(api.requests)).toHaveLength(0);
  });

  it("shows the server's validation errors on their fields", async () => {
    renderPage(
      baseRoutes({
        'POST /api/calls/make-call': () =>
          json(
            {
              error: 'validation-failed',
              message: 'The request body is invalid',
              details: { issues: [{ path: 'callerName', message: 'must not contain " < or >' }] },
            },
            400,
          ),
      }),
    );
    await userEvent.type(await screen.findByLabelText(/Number to call/), '2025550100');
    await pickSound();
    await userEvent.type(screen.getByLabelText('Caller name'), 'Acme <sales>');
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    const field = screen.getByLabelText('Caller name');
    await waitFor(() => expect(field).toHaveAccessibleDescription(/must not contain/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts a refused caller ID on the caller ID field', async () => {
    renderPage(
      baseRoutes({
        'POST /api/calls/make-call': () =>
          json({ error: 'did-daily-cap-reached', message: 'This DID has reached its daily cap' }, 409),
      }),
    );
    await userEvent.type(await screen.findByLabelText(/Number to call/), '2025550100');
    await pickSound();
    await userEvent.click(screen.getByRole('textbox', { name: 'Caller ID' }));
    await userEvent.click(await screen.findByRole('option', { name: '+12025550001 (Main)', hidden: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(await screen.findByText('This DID has reached its daily cap')).toBeInTheDocument();
  });

  it('asks a super-admin to pick a tenant first', () => {
    renderPage(baseRoutes(), { tenantId: null });
    expect(screen.getByText('Pick a tenant')).toBeInTheDocument();
  });

  it('shows what failed to load, with a retry', async () => {
    renderPage(
      baseRoutes({
        'GET /api/tenants/:tenantId/dids': () =>
          json({ error: 'forbidden', message: 'No access to DIDs' }, 403),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No access to DIDs');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
