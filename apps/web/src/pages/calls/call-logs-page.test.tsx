import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, type FakeHandler } from '../../../test/fake-api';
import { renderWithApp, TENANT_ID } from '../../../test/render';
import { aCall } from '../../hooks/call-fixtures';
import { CallLogsPage } from './call-logs-page';

const busy = aCall({ id: '88888888-8888-4888-8888-888888888888', to: '+12025550486', status: 'busy' });
const done = aCall({ status: 'completed', to: '+12025550100', talkSeconds: 20, ringSeconds: 3 });

const createObjectURL = vi.fn((_blob: Blob) => 'blob:test/csv');
beforeEach(() => {
  createObjectURL.mockClear();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = () => undefined;
});

function baseRoutes(extra: Record<string, FakeHandler> = {}): Record<string, FakeHandler> {
  return {
    'GET /api/calls/stream': () => new Response(new ReadableStream(), { status: 200 }),
    'GET /api/tenants/:tenantId': () => ({ id: TENANT_ID, defaultCountry: 'US' }),
    'GET /api/tenants/:tenantId/dids': () => ({
      items: [{ id: 'd1', number: '+12025550001', label: 'Main', enabled: true }],
      nextCursor: null,
    }),
    ...extra,
  };
}

function renderLogs(routes: Record<string, FakeHandler>, path = '/calls') {
  return renderWithApp(
    <Routes>
      <Route path="/calls" element={<CallLogsPage />} />
      <Route path="/calls/:callId" element={<p>detail view</p>} />
    </Routes>,
    { routes, path },
  );
}

const listRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname === '/api/calls').map((r) => new URL(r.url).searchParams);

describe('CallLogsPage', () => {
  it('lists calls with their status chips; a row opens the call', async () => {
    renderLogs(baseRoutes({ 'GET /api/calls': () => ({ items: [busy, done], nextCursor: null }) }));
    expect(await screen.findByRole('link', { name: '+12025550486' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Calls' }))
        .getByText('busy')
        .closest('[data-status]'),
    ).toHaveAttribute('data-status', 'busy');
    expect(screen.getByText('2 calls, all shown')).toBeInTheDocument();
    await userEvent.click(screen.getByText('20 s'));
    expect(await screen.findByText('detail view')).toBeInTheDocument();
  });

  it('shows one card per call at phone width', async () => {
    const matchMedia = window.matchMedia.bind(window);
    window.matchMedia = (query: string) => ({ ...matchMedia(query), matches: true });
    try {
      renderLogs(baseRoutes({ 'GET /api/calls': () => ({ items: [busy, done], nextCursor: null }) }));
      const list = await screen.findByRole('list', { name: 'Calls' });
      expect(within(list).getAllByRole('listitem')).toHaveLength(2);
      expect(within(list).getByRole('link', { name: '+12025550486' })).toBeInTheDocument();
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      // the filters fold away behind a button
      const toggle = screen.getByRole('button', { name: 'Filters' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await userEvent.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  it('asks the API with the filters from the URL and the tenant', async () => {
    const { api } = renderLogs(
      baseRoutes({ 'GET /api/calls': () => ({ items: [busy], nextCursor: null }) }),
      '/calls?status=busy&number=2025550486&q=acme',
    );
    await screen.findByRole('link', { name: '+12025550486' });
    await waitFor(() => {
      const last = listRequests(api.requests).at(-1)!;
      expect(last.get('number')).toBe('+12025550486');
    });
    const last = listRequests(api.requests).at(-1)!;
    expect(last.get('status')).toBe('busy');
    expect(last.get('q')).toBe('acme');
    expect(last.get('tenantId')).toBe(TENANT_ID);
  });

  it('filters by status as the user picks it', async () => {
    const { api } = renderLogs(
      baseRoutes({
        'GET /api/calls': (request) =>
          new URL(request.url).searchParams.get('status') === 'busy'
            ? { items: [busy], nextCursor: null }
            : { items: [busy, done], nextCursor: null },
      }),
    );
    await screen.findByRole('link', { name: '+12025550100' });
    await userEvent.click(screen.getByRole('textbox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'busy', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('link', { name: '+12025550100' })).not.toBeInTheDocument());
    expect(listRequests(api.requests).at(-1)!.get('status')).toBe('busy');
  });

  it('searches the typed text once the user pauses', async () => {
    const { api } = renderLogs(baseRoutes({ 'GET /api/calls': () => ({ items: [busy], nextCursor: null }) }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Search' }), 'acme');
    await waitFor(() => expect(listRequests(api.requests).at(-1)!.get('q')).toBe('acme'));
    expect(listRequests(api.requests).some((params) => params.get('q') === 'a')).toBe(false);
  });

  it('loads the next page with the cursor', async () => {
    const { api } = renderLogs(
      baseRoutes({
        'GET /api/calls': (request) =>
          new URL(request.url).searchParams.get('cursor') === 'page-2'
            ? { items: [done], nextCursor: null }
            : { items: [busy], nextCursor: 'page-2' },
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: '+12025550100' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+12025550486' })).toBeInTheDocument();
    expect(listRequests(api.requests).at(-1)!.get('cursor')).toBe('page-2');
  });

  it('exports the filtered calls as CSV through the authorized fetch', async () => {
    const { api } = renderLogs(
      baseRoutes({
        'GET /api/calls': () => ({ items: [busy], nextCursor: null }),
        'GET /api/calls/export.csv': () =>
          new Response('id,status\n1,busy\n', { headers: { 'content-type': 'text/csv' } }),
      }),
      '/calls?status=busy',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const exported = api.requests.find((r) => new URL(r.url).pathname === '/api/calls/export.csv')!;
    expect(new URL(exported.url).searchParams.get('status')).toBe('busy');
    expect(exported.headers.get('authorization')).toBe('Bearer test-key');
    expect(await createObjectURL.mock.calls[0]![0].text()).toBe('id,status\n1,busy\n');
  });

  it('says when nothing matches the filters', async () => {
    renderLogs(
      baseRoutes({ 'GET /api/calls': () => ({ items: [], nextCursor: null }) }),
      '/calls?status=failed',
    );
    expect(await screen.findByText('No call matches these filters')).toBeInTheDocument();
  });

  it('shows a load error with a retry', async () => {
    renderLogs(
      baseRoutes({
        'GET /api/calls': () => json({ error: 'internal-error', message: 'Database is down' }, 500),
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Database is down');
  });

  it('asks a super-admin to pick a tenant', () => {
    renderWithApp(<CallLogsPage />, { routes: baseRoutes(), principal: { tenantId: null } });
    expect(screen.getByText('Pick a tenant')).toBeInTheDocument();
  });
});
