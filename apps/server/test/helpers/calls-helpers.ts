import type { CallView } from '../../src/calls/calls.dto.js';
import { CallStreamHub } from '../../src/calls/call-stream.hub.js';
import { isFinalStatus } from '../../src/calls/call-status.js';
import { CallTrackingService } from '../../src/calls/call-tracking.service.js';
import { createTenantWithKey, type TestApp } from './test-app.js';

/** A tenant that places calls through the simulator's `from-internal` routes, with one DID. */
export async function callingTenant(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  role: 'admin' | 'operator' = 'operator',
): Promise<{ id: string; key: string; did: string }> {
  const tenant = await createTenantWithKey(
    t,
    {
      originateChannelTemplate: 'Local/{number}@from-internal',
      answerDestination: { type: 'sound', sound: 'hello-world' },
      callerName: 'Switchboard Test',
      ...overrides,
    },
    role,
  );
  const did = await t.request('POST', `/api/tenants/${tenant.id}/dids`, { body: { number: '+12025550140' } });
  if (did.status !== 201) throw new Error(`DID create failed: ${did.status} ${did.text}`);
  return { id: tenant.id, key: tenant.key, did: did.body.number };
}

/** Waits (event-driven, on the live stream) until `predicate` holds for the call; answers it. */
export function waitForCall(
  t: TestApp,
  tenantId: string,
  callId: string,
  predicate: (call: CallView) => boolean = (call) => isFinalStatus(call.status),
  timeoutMs = 15_000,
): Promise<CallView> {
  const hub = t.app.get(CallStreamHub);
  return new Promise((resolve, reject) => {
    let found: CallView | undefined;
    const unsubscribe = hub.subscribe(tenantId, 0, (message) => {
      if (found || message.call.id !== callId || !predicate(message.call)) return;
      found = message.call;
      queueMicrotask(() => {
        clearTimeout(timer);
        unsubscribe();
        resolve(message.call);
      });
    });
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`call ${callId}: condition not met in ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/** Everything tracked so far is in the database. */
export const flushed = (t: TestApp) => t.app.get(CallTrackingService).flush();

export async function makeCall(
  t: TestApp,
  key: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/calls/make-call',
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: body,
  });
  return { status: response.statusCode, body: JSON.parse(response.body), headers: response.headers };
}
