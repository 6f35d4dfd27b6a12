import { TENANT_ID } from '../../test/render';
import type { Call, CallDetail } from './call-cache';

/** A call as the API answers it, for tests; override what the test is about. */
export function aCall(overrides: Partial<Call> = {}): Call {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    tenantId: TENANT_ID,
    status: 'ringing',
    to: '+441632960961',
    from: '+441632960001',
    callerName: null,
    answer: { type: 'sound', sound: 'custom/acme/welcome' },
    transferNumber: null,
    sound: 'custom/acme/welcome',
    record: false,
    recordingFile: null,
    timeoutSeconds: 30,
    variables: {},
    metadata: null,
    pbx: 'main',
    channel: 'Local/+441632960961@outbound-0001;1',
    otherChannel: null,
    dialedChannel: null,
    uniqueid: '1700000000.1',
    linkedid: '1700000000.1',
    createdAt: '2026-11-25T09:00:00.000Z',
    scheduledAt: '2026-11-25T09:00:00.000Z',
    originatedAt: '2026-11-25T09:00:00.100Z',
    ringingAt: '2026-11-25T09:00:00.200Z',
    answeredAt: null,
    endedAt: null,
    ringSeconds: null,
    talkSeconds: null,
    hangupCause: null,
    hangupCauseText: null,
    originateResponse: null,
    originateReason: null,
    dialStatus: null,
    cdrDisposition: null,
    cdrBillsec: null,
    endReason: null,
    ...overrides,
  };
}

export function aCallDetail(overrides: Partial<CallDetail> = {}): CallDetail {
  return { ...aCall(), events: [], ...overrides };
}

/** A Server-Sent Events body that sends `chunks` and then stays open (or ends when `end`). */
export function sseBody(chunks: string[], end = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

export const sseCall = (id: number, call: Call) =>
  `id: ${id}\nevent: call\ndata: ${JSON.stringify(call)}\n\n`;
