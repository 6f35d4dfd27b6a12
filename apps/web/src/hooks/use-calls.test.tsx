import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { aCall, aCallDetail, sseBody, sseCall } from './call-fixtures';
import { callsOf, type Call, useCall, useCalls, useCallStream } from './use-calls';

const CALL_ID = aCall().id;
const noDelay = () => 0;

function Probe() {
  const stream = useCallStream({ retryDelay: noDelay });
  const call = useCall(CALL_ID);
  const list = useCalls({ status: 'ringing' });
  return (
    <div>
      <p>stream: {stream.state}</p>
      <p>detail: {call.data?.status ?? 'none'}</p>
      <p>events: {call.data?.events.length ?? 0}</p>
      <p>
        ringing list:{' '}
        {callsOf(list.data)
          .map((c) => c.to)
          .join(',') || 'empty'}
      </p>
    </div>
  );
}

describe('useCallStream', () => {
  it('patches the call detail and the lists from each event, and resumes with Last-Event-ID', async () => {
    let current = aCallDetail({ status: 'ringing' });
    let connections = 0;
    let listed: Call[] = [];
    const newCall = aCall({ id: '33333333-3333-4333-8333-333333333333', to: '+15550000001' });
    const answered = aCall({ status: 'answered', answeredAt: '2026-11-25T09:00:03.000Z' });
    const { api } = renderWithApp(<Probe />, {
      routes: {
        'GET /api/calls/stream': async () => {
          connections += 1;
          if (connections === 1) {
            await screen.findByText('ringing list: empty');
            await screen.findByText('detail: ringing');
            // a new ringing call appears, then the connection drops
            listed = [newCall];
            return sseBody([': connected\n\n', sseCall(7, newCall)], true);
          }
          current = {
            ...current,
            ...answered,
            events: [{ name: 'BridgeEnter', at: answered.answeredAt!, headers: {} }],
          };
          return sseBody([sseCall(8, answered)]);
        },
        'GET /api/calls/:id': () => current,
        'GET /api/calls': () => ({ items: listed, nextCursor: null }),
      },
    });
    expect(await screen.findByText('detail: answered')).toBeInTheDocument();
    expect(screen.getByText('ringing list: +15550000001')).toBeInTheDocument();
    const streams = api.requests.filter((r) => new URL(r.url).pathname === '/api/calls/stream');
    expect(streams).toHaveLength(2);
    expect(streams[0]!.headers.get('last-event-id')).toBeNull();
    expect(streams[1]!.headers.get('last-event-id')).toBe('7');
    expect(streams[1]!.headers.get('authorization')).toBe('Bearer test-key');
    // the event trail is refetched after a change
    expect(await screen.findByText('events: 1')).toBeInTheDocument();
    expect(screen.getByText('stream: open')).toBeInTheDocument();
  });

  it('stops, saying why, when the server refuses the stream', async () => {
    function StreamState() {
      const stream = useCallStream({ retryDelay: noDelay });
      return (
        <p>
          stream: {stream.state} {stream.error ? String((stream.error as Error).message) : ''}
        </p>
      );
    }
    const { api } = renderWithApp(<StreamState />, {
      routes: {
        'GET /api/calls/stream': () =>
          new Response(JSON.stringify({ error: 'forbidden', message: 'Not your tenant' }), {
            status: 403,
            headers: { 'content-type': 'application/json' },
          }),
      },
    });
    expect(await screen.findByText(/stream: stopped Not your tenant/)).toBeInTheDocument();
    expect(api.requests).toHaveLength(1);
  });

  it('does not open without a tenant for a key that spans tenants', () => {
    function StreamState() {
      return <p>stream: {useCallStream().state}</p>;
    }
    const { api } = renderWithApp(<StreamState />, { principal: { tenantId: null } });
    expect(screen.getByText('stream: stopped')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
