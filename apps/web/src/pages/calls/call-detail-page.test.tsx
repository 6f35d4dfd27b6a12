import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, type FakeHandler } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { aCall, aCallDetail, sseBody, sseCall } from '../../hooks/call-fixtures';
import type { CallDetail } from '../../hooks/use-calls';
import { CallDetailPage } from './call-detail-page';

const CALL_ID = aCall().id;

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test/recording';
  URL.revokeObjectURL = () => undefined;
});

const completed = aCallDetail({
  status: 'completed',
  record: true,
  recordingFile: 'acme/2026/11/25/call.wav',
  answeredAt: '2026-11-25T09:00:03.000Z',
  endedAt: '2026-11-25T09:00:23.000Z',
  ringSeconds: 2.8,
  talkSeconds: 20,
  hangupCause: 16,
  hangupCauseText: 'Normal Clearing',
  originateResponse: 'Success',
  originateReason: 4,
  dialStatus: 'ANSWER',
  cdrDisposition: 'ANSWERED',
  cdrBillsec: 20,
  events: [
    { name: 'Newchannel', at: '2026-11-25T09:00:00.100Z', headers: { ChannelStateDesc: 'Down' } },
    { name: 'Newstate', at: '2026-11-25T09:00:00.200Z', headers: { ChannelStateDesc: 'Ringing' } },
    {
      name: 'Hangup',
      at: '2026-11-25T09:00:23.000Z',
      headers: { Cause: '16', 'Cause-txt': 'Normal Clearing' },
    },
  ],
});

function renderDetail(routes: Record<string, FakeHandler>, principal = {}) {
  return renderWithApp(<CallDetailPage />, {
    routes,
    principal,
    path: `/calls/${CALL_ID}`,
    routePath: '/calls/:callId',
  });
}

describe('CallDetailPage', () => {
  it('follows a live call from ringing to answered, with a talk timer, from the stream', async () => {
    let current: CallDetail = aCallDetail({ status: 'ringing' });
    const answered = aCall({ status: 'answered', answeredAt: new Date().toISOString() });
    renderDetail({
      'GET /api/calls/stream': async () => {
        await screen.findByText('ringing');
        current = { ...current, ...answered };
        return sseBody([sseCall(1, answered)]);
      },
      'GET /api/calls/:id': () => current,
    });
    expect(await screen.findByText('ringing')).toBeInTheDocument();
    expect(await screen.findByText('answered')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/Talking 0:0\d/);
    expect(screen.getByRole('button', { name: /Hang up/ })).toBeInTheDocument();
  });

  it('still moves on, by asking again, when the live stream cannot be opened', async () => {
    let fetches = 0;
    renderDetail({
      'GET /api/calls/stream': () => new Promise<Response>(() => undefined),
      'GET /api/calls/:id': () => {
        fetches += 1;
        return fetches === 1 ? aCallDetail({ status: 'ringing' }) : completed;
      },
    });
    expect(await screen.findByText('connecting…')).toBeInTheDocument();
    expect(await screen.findByText('completed', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('hangs the call up for an operator', async () => {
    let current: CallDetail = aCallDetail({ status: 'answered', answeredAt: new Date().toISOString() });
    const { api } = renderDetail(
      {
        'GET /api/calls/stream': () => sseBody([]),
        'POST /api/calls/:id/hangup': () => {
          current = { ...current, status: 'completed', endedAt: new Date().toISOString() };
          return json(current, 202);
        },
        'GET /api/calls/:id': () => current,
      },
      { role: 'operator' },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Hang up the call to +441632960961' }));
    expect(await screen.findByText('completed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Hang up/ })).not.toBeInTheDocument();
    expect(
      api.requests.some(
        (r) => r.method === 'POST' && new URL(r.url).pathname === `/api/calls/${CALL_ID}/hangup`,
      ),
    ).toBe(true);
  });

  it('offers no hang-up to a viewer', async () => {
    renderDetail(
      { 'GET /api/calls/stream': () => sseBody([]), 'GET /api/calls/:id': () => aCallDetail() },
      { role: 'viewer' },
    );
    expect(await screen.findByText('ringing')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Hang up/ })).not.toBeInTheDocument();
  });

  it('shows an ended call: durations, cause, cross-check, timeline and its recording', async () => {
    const { api } = renderDetail({
      'GET /api/calls/:id': () => completed,
      'GET /api/recordings': () => ({
        items: [
          {
            id: 'cmVj',
            path: 'acme/2026/11/25/call.wav',
            name: 'call.wav',
            sizeBytes: 1000,
            durationSeconds: 20,
            recordedAt: completed.endedAt,
            modifiedAt: completed.endedAt,
            callId: CALL_ID,
            tenantId: completed.tenantId,
          },
        ],
        nextCursor: null,
      }),
      'GET /api/recordings/:id/playable': () => new Response(new Uint8Array([82, 73, 70, 70])),
      'GET /api/recordings/:id/download': () => new Response(new Uint8Array([82, 73, 70, 70])),
    });
    const outcome = await screen.findByRole('table', { name: 'Outcome' });
    expect(within(outcome).getByText('3 s')).toBeInTheDocument();
    expect(within(outcome).getByText('20 s')).toBeInTheDocument();
    expect(within(outcome).getByText('16 Normal Clearing')).toBeInTheDocument();
    expect(within(outcome).getByText('agree')).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText('Hangup')).toBeInTheDocument();
    expect(within(timeline).getByText('Cause: 16 · Cause-txt: Normal Clearing')).toBeInTheDocument();
    expect(await screen.findByLabelText('Recording of the call to +441632960961')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download' })).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    // an ended call opens no stream
    expect(api.requests.some((r) => r.url.includes('/api/calls/stream'))).toBe(false);
    const list = api.requests.find((r) => new URL(r.url).pathname === '/api/recordings')!;
    expect(new URL(list.url).searchParams.get('callId')).toBe(CALL_ID);
  });

  it('says when the call does not exist', async () => {
    renderDetail({
      'GET /api/calls/:id': () => json({ error: 'not-found', message: 'Call not found' }, 404),
    });
    expect(await screen.findByText('Call not found')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to call logs' })).toBeInTheDocument();
  });

  it('shows other errors with a retry', async () => {
    renderDetail({
      'GET /api/calls/:id': () => json({ error: 'internal-error', message: 'Database is down' }, 500),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Database is down');
  });
});
