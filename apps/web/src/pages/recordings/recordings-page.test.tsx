import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/fake-api';
import { renderWithApp, TENANT_ID } from '../../../test/render';
import type { Recording } from '../../hooks/use-recordings';
import { RecordingsPage } from './recordings-page';

const CALL_ID = '22222222-2222-4222-8222-222222222222';

const recording = (n: number, overrides: Partial<Recording> = {}): Recording => ({
  id: `rec-${n}`,
  path: `2026/11/25/out-${n}.wav`,
  name: `out-${n}.wav`,
  sizeBytes: 96_044,
  durationSeconds: 75.4,
  recordedAt: '2026-11-25T10:00:00.000Z',
  modifiedAt: '2026-11-25T10:01:00.000Z',
  callId: CALL_ID,
  tenantId: TENANT_ID,
  call: { to: '+442071234567', from: '+12025550140', status: 'completed' },
  ...overrides,
});

const tenant = (operatorsMayDeleteRecordings: boolean) => ({
  id: TENANT_ID,
  name: 'Acme',
  operatorsMayDeleteRecordings,
});

beforeAll(() => {
  let n = 0;
  URL.createObjectURL = () => `blob:test/${++n}`;
  URL.revokeObjectURL = () => undefined;
});

const listQuery = (request: Request) => new URL(request.url).searchParams;

describe('RecordingsPage', () => {
  it("lists the tenant's recordings with when, how long, their call, and play / download", async () => {
    const { api } = renderWithApp(<RecordingsPage />, {
      routes: { 'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }) },
    });
    const item = await screen.findByRole('listitem', { name: 'out-1.wav' });
    expect(within(item).getByText(/1:15/)).toBeInTheDocument();
    expect(within(item).getByText(/94 KB/)).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Call to +442071234567' })).toHaveAttribute(
      'href',
      `/calls/${CALL_ID}`,
    );
    expect(within(item).getByText('from +12025550140')).toBeInTheDocument();
    expect(within(item).getByText('completed').closest('[data-status]')).toHaveAttribute(
      'data-status',
      'completed',
    );
    expect(within(item).getByRole('button', { name: 'Download out-1.wav' })).toBeInTheDocument();
    expect(listQuery(api.requests[0]!).get('tenantId')).toBe(TENANT_ID);
  });

  it('loads the player only when asked, on the playable path', async () => {
    const { api } = renderWithApp(<RecordingsPage />, {
      routes: {
        'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }),
        'GET /api/recordings/:id/playable': () => new Response(new Uint8Array([82, 73, 70, 70])),
        'GET /api/recordings/:id/download': () => new Response(new Uint8Array([82, 73, 70, 70])),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Play out-1.wav' }));
    const audio = await screen.findByLabelText('Recording out-1.wav');
    expect(audio.getAttribute('src')).toMatch(/^blob:/);
    expect(api.requests.map((r) => new URL(r.url).pathname)).toContain('/api/recordings/rec-1/playable');
    expect(await screen.findByRole('link', { name: 'Download' })).toBeInTheDocument();
  });

  it('downloads the original file with the API key, under its own name', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const { api } = renderWithApp(<RecordingsPage />, {
      routes: {
        'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }),
        'GET /api/recordings/:id/download': () => new Response(new Uint8Array([82, 73, 70, 70])),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Download out-1.wav' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe('out-1.wav');
    expect(clicked[0]!.href).toMatch(/^blob:/);
    const request = api.requests.find((r) => r.url.endsWith('/download'))!;
    expect(request.headers.get('authorization')).toBe('Bearer test-key');
    click.mockRestore();
  });

  it('says why a download failed', async () => {
    renderWithApp(<RecordingsPage />, {
      routes: {
        'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }),
        'GET /api/recordings/:id/download': () =>
          json({ error: 'not-found', message: 'Recording not found' }, 404),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Download out-1.wav' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Download failed: Recording not found');
  });

  it('says when there are no recordings, and when none match the filters', async () => {
    renderWithApp(<RecordingsPage />, {
      routes: { 'GET /api/recordings': () => ({ items: [], nextCursor: null }) },
    });
    expect(await screen.findByText('No recordings yet')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('File name or number contains'), 'zzz');
    expect(await screen.findByText('No recording matches these filters')).toBeInTheDocument();
  });

  it('shows the error with a retry that asks again', async () => {
    let calls = 0;
    renderWithApp(<RecordingsPage />, {
      routes: {
        'GET /api/recordings': () =>
          ++calls === 1
            ? json({ error: 'internal', message: 'The monitor folder is unreadable' }, 500)
            : { items: [recording(1)], nextCursor: null },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The monitor folder is unreadable');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: 'out-1.wav' })).toBeInTheDocument();
  });

  it('sends the file-name and date filters, and the call of the URL', async () => {
    const { api } = renderWithApp(<RecordingsPage />, {
      path: `/recordings?callId=${CALL_ID}&from=2026-11-20&to=2026-11-21`,
      routes: { 'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }) },
    });
    await screen.findByRole('listitem', { name: 'out-1.wav' });
    const first = listQuery(api.requests[0]!);
    expect(first.get('callId')).toBe(CALL_ID);
    expect(new Date(first.get('from')!).getTime()).toBe(new Date(2026, 10, 20).getTime());
    expect(new Date(first.get('to')!).getTime()).toBe(new Date(2026, 10, 22).getTime());
    await userEvent.type(screen.getByLabelText('File name or number contains'), 'out-1');
    await waitFor(() => expect(listQuery(api.requests.at(-1)!).get('search')).toBe('out-1'));
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect([...listQuery(api.requests.at(-1)!).keys()].sort()).toEqual(['limit', 'tenantId']),
    );
  });

  it('loads the next page on "Load more"', async () => {
    const { api } = renderWithApp(<RecordingsPage />, {
      routes: {
        'GET /api/recordings': (request) =>
          listQuery(request).get('cursor') === '50'
            ? { items: [recording(2)], nextCursor: null }
            : { items: [recording(1)], nextCursor: '50' },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('listitem', { name: 'out-2.wav' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'out-1.wav' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(api.requests).toHaveLength(2);
  });

  it('offers no delete to a viewer', async () => {
    renderWithApp(<RecordingsPage />, {
      principal: { role: 'viewer' },
      routes: { 'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }) },
    });
    await screen.findByRole('listitem', { name: 'out-1.wav' });
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
  });

  it('hides delete from an operator of a tenant without operatorsMayDeleteRecordings', async () => {
    const { api } = renderWithApp(<RecordingsPage />, {
      principal: { role: 'operator' },
      routes: {
        'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }),
        'GET /api/tenants/:tenantId': () => tenant(false),
      },
    });
    await screen.findByRole('listitem', { name: 'out-1.wav' });
    await waitFor(() => expect(api.requests.some((r) => r.url.includes('/api/tenants/'))).toBe(true));
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
  });

  it('lets an allowed operator delete after confirming, and drops the recording from the list', async () => {
    let deleted = false;
    const { api } = renderWithApp(<RecordingsPage />, {
      principal: { role: 'operator' },
      routes: {
        'GET /api/recordings': () => ({
          items: deleted ? [recording(2)] : [recording(1), recording(2)],
          nextCursor: null,
        }),
        'GET /api/tenants/:tenantId': () => tenant(true),
        'DELETE /api/recordings/:id': () => {
          deleted = true;
          return new Response(null, { status: 204 });
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete out-1.wav' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this recording?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Delete out-1.wav' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete recording' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'out-1.wav' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('listitem', { name: 'out-2.wav' })).toBeInTheDocument();
    const request = api.requests.find((r) => r.method === 'DELETE')!;
    expect(new URL(request.url).pathname).toBe('/api/recordings/rec-1');
  });

  it('shows why a delete was refused and keeps the recording', async () => {
    renderWithApp(<RecordingsPage />, {
      routes: {
        'GET /api/recordings': () => ({ items: [recording(1)], nextCursor: null }),
        'DELETE /api/recordings/:id': () =>
          json({ error: 'forbidden', message: 'Deleting a recording needs the admin role' }, 403),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete out-1.wav' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete recording' }),
    );
    expect(await screen.findByText('Deleting a recording needs the admin role')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'out-1.wav' })).toBeInTheDocument();
  });

  it('tells an admin with no tenant picked that every tenant is shown, and asks for no tenant', async () => {
    const { api } = renderWithApp(<RecordingsPage />, {
      principal: { tenantId: null, keyId: null },
      routes: {
        'GET /api/recordings': () => ({
          items: [recording(1, { callId: null, tenantId: null, call: null })],
          nextCursor: null,
        }),
      },
    });
    expect(await screen.findByText(/every tenant/)).toBeInTheDocument();
    expect(await screen.findByText('No known call')).toBeInTheDocument();
    expect(listQuery(api.requests[0]!).has('tenantId')).toBe(false);
  });
});
