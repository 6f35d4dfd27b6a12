import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { aCall, sseCall } from '../../hooks/call-fixtures';
import type { Call } from '../../hooks/use-calls';
import { DashboardPage } from './dashboard-page';

const stats = (placed: number, answered = 0) => ({
  since: null,
  until: null,
  placed,
  answered,
  busy: 1,
  noAnswer: 2,
  congestion: 3,
  failed: 4,
  canceled: 5,
  answerRate: placed === 0 ? 0 : answered / placed,
  averageTalkSeconds: 75,
  perDid: [],
});

const hourly = (placedAt9: number) => ({
  since: dayjs().startOf('day').toISOString(),
  until: dayjs().startOf('day').add(1, 'day').toISOString(),
  buckets: Array.from({ length: 24 }, (_, h) => ({
    hour: dayjs().startOf('day').add(h, 'hour').toISOString(),
    placed: h === 9 ? placedAt9 : 0,
    answered: h === 9 ? placedAt9 : 0,
    busy: 0,
    noAnswer: 0,
    congestion: 0,
    failed: 0,
    canceled: 0,
  })),
});

/** An SSE body the test writes to, one event at a time. */
function liveStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) });
  controller.enqueue(encoder.encode(': connected\n\n'));
  let id = 0;
  return {
    response: () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send: (call: Call) => controller.enqueue(encoder.encode(sseCall(++id, call))),
  };
}

const ringing = aCall({
  id: '33333333-3333-4333-8333-333333333333',
  to: '+15550000001',
  status: 'ringing',
  createdAt: '2026-11-25T09:00:05.000Z',
});
const talking = aCall({
  id: '44444444-4444-4444-8444-444444444444',
  to: '+15550000002',
  from: '+15559990000',
  status: 'answered',
  answeredAt: new Date(Date.now() - 65_000).toISOString(),
});

function routes(
  options: {
    live?: Call[];
    stream?: ReturnType<typeof liveStream>;
    placed?: () => number;
    answered?: () => number;
  } = {},
) {
  const stream = options.stream ?? liveStream();
  const placed = options.placed ?? (() => 7);
  const answered = options.answered ?? (() => 3);
  return {
    'GET /api/calls/stats/hourly': () => hourly(placed()),
    'GET /api/calls/stats': () => stats(placed(), answered()),
    'GET /api/calls/stream': () => stream.response(),
    'GET /api/calls': (request: Request) => {
      const status = new URL(request.url).searchParams.get('status');
      return { items: (options.live ?? []).filter((call) => call.status === status), nextCursor: null };
    },
  };
}

const statusOf = (row: HTMLElement) => row.querySelector('[data-status]')?.getAttribute('data-status');

const board = () => screen.findByRole('table', { name: 'Calls in progress' });

describe('DashboardPage', () => {
  it("shows today's figures, the chart's gist and the live calls with state, DID and a timer", async () => {
    const { api } = renderWithApp(<DashboardPage />, { routes: routes({ live: [ringing, talking] }) });
    expect(await screen.findByTestId('figure-Placed')).toHaveTextContent('7');
    expect(screen.getByTestId('figure-Answered')).toHaveTextContent('3');
    expect(screen.getByTestId('figure-Busy')).toHaveTextContent('1');
    expect(screen.getByTestId('figure-No answer')).toHaveTextContent('2');
    expect(screen.getByTestId('figure-Failed')).toHaveTextContent('4');
    expect(screen.getByTestId('figure-Failed')).toHaveTextContent('+ 3 congestion, 5 canceled');
    expect(screen.getByTestId('figure-Answer rate')).toHaveTextContent('43%');
    expect(screen.getByTestId('figure-Average talk time')).toHaveTextContent('1:15');
    expect(await screen.findByTestId('chart-summary')).toHaveTextContent(
      `7 calls today; busiest hour 09:00 (7).`,
    );
    const rows = within(await board())
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual(
      ['Call to +15550000002', 'Call to +15550000001'].sort(
        () => Date.parse(talking.createdAt) - Date.parse(ringing.createdAt),
      ),
    );
    const talkingRow = screen.getByRole('row', { name: 'Call to +15550000002' });
    expect(statusOf(talkingRow)).toBe('answered');
    expect(within(talkingRow).getByText('talk time')).toBeInTheDocument();
    expect(within(talkingRow).getAllByText('+15559990000').length).toBeGreaterThan(0);
    expect(within(talkingRow).getByRole('timer')).toHaveAccessibleName(/^Talking for 1:0\d$/);
    expect(within(talkingRow).getByRole('link', { name: '+15550000002' })).toHaveAttribute(
      'href',
      `/calls/${talking.id}`,
    );
    const statsRequest = api.requests.find((r) => new URL(r.url).pathname === '/api/calls/stats')!;
    const since = new URL(statsRequest.url).searchParams.get('since')!;
    expect(Date.parse(since)).toBe(dayjs().startOf('day').valueOf());
    const hourlyRequest = api.requests.find((r) => new URL(r.url).pathname === '/api/calls/stats/hourly')!;
    expect(new URL(hourlyRequest.url).searchParams.get('since')).toBe(since);
  });

  it('adds a call as the stream reports it, moves it through its states, drops it when it ends', async () => {
    const stream = liveStream();
    let placed = 0;
    let answered = 0;
    renderWithApp(<DashboardPage />, {
      routes: routes({ stream, placed: () => placed, answered: () => answered }),
    });
    expect(await screen.findByText('No calls in progress')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('stream-state')).toHaveTextContent('Live'));
    expect(await screen.findByTestId('chart-summary')).toHaveTextContent('No calls yet today.');
    const call = aCall({ id: '55555555-5555-4555-8555-555555555555', to: '+15550000003', status: 'dialing' });
    placed = 1;
    stream.send(call);
    const row = await screen.findByRole('row', { name: 'Call to +15550000003' });
    expect(statusOf(row)).toBe('dialing');
    answered = 1;
    stream.send({ ...call, status: 'answered', answeredAt: new Date().toISOString() });
    // the figures follow the answer, not only the end of the call
    await waitFor(() => expect(screen.getByTestId('figure-Answered')).toHaveTextContent('1'));
    expect(screen.getByTestId('figure-Answer rate')).toHaveTextContent('100%');
    await waitFor(() =>
      expect(statusOf(screen.getByRole('row', { name: 'Call to +15550000003' }))).toBe('answered'),
    );
    stream.send({ ...call, status: 'completed', endedAt: new Date().toISOString() });
    expect(await screen.findByText('No calls in progress')).toBeInTheDocument();
    // the figures and the chart are asked again as calls start and end
    expect(await screen.findByTestId('chart-summary')).toHaveTextContent(
      '1 call today; busiest hour 09:00 (1).',
    );
    expect(screen.getByTestId('figure-Placed')).toHaveTextContent('1');
  });

  it('hangs a call up for an operator; the call leaves the board', async () => {
    const { api } = renderWithApp(<DashboardPage />, {
      principal: { role: 'operator' },
      routes: {
        'POST /api/calls/:id/hangup': () =>
          json({ ...ringing, status: 'canceled', endedAt: new Date().toISOString() }, 202),
        ...routes({ live: [ringing] }),
      },
    });
    await board();
    await userEvent.click(screen.getByRole('button', { name: 'Hang up the call to +15550000001' }));
    expect(await screen.findByText('No calls in progress')).toBeInTheDocument();
    const hangup = api.requests.find((r) => r.method === 'POST')!;
    expect(new URL(hangup.url).pathname).toBe(`/api/calls/${ringing.id}/hangup`);
  });

  it('says why a hang-up failed and keeps the call', async () => {
    renderWithApp(<DashboardPage />, {
      routes: {
        'POST /api/calls/:id/hangup': () =>
          json({ error: 'pbx-unavailable', message: 'The PBX is not connected' }, 503),
        ...routes({ live: [ringing] }),
      },
    });
    await board();
    await userEvent.click(screen.getByRole('button', { name: 'Hang up the call to +15550000001' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not hang up: The PBX is not connected');
    expect(screen.getByRole('row', { name: 'Call to +15550000001' })).toBeInTheDocument();
  });

  it('offers a viewer no hang-up', async () => {
    renderWithApp(<DashboardPage />, { principal: { role: 'viewer' }, routes: routes({ live: [ringing] }) });
    await board();
    expect(screen.queryByRole('button', { name: /Hang up/ })).not.toBeInTheDocument();
  });

  it('shows errors with a retry, each part on its own', async () => {
    let failing = true;
    renderWithApp(<DashboardPage />, {
      routes: {
        ...routes({ live: [ringing] }),
        'GET /api/calls/stats/hourly': () =>
          failing ? json({ error: 'internal', message: 'Chart unavailable' }, 500) : hourly(2),
      },
    });
    expect(await screen.findByText('Chart unavailable')).toBeInTheDocument();
    expect(await board()).toBeInTheDocument();
    expect(await screen.findByTestId('figure-Placed')).toHaveTextContent('7');
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('chart-summary')).toHaveTextContent('2 calls today');
  });

  it('asks an admin key spanning tenants to pick one, and asks the API nothing', async () => {
    const { api } = renderWithApp(<DashboardPage />, {
      principal: { tenantId: null, keyId: null },
      routes: routes(),
    });
    expect(await screen.findByText('Pick a tenant')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
