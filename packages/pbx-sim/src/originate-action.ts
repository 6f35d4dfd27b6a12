import type { AmiMessage } from '@switchboard/ami';
import type { CallEngine } from './call-engine.js';
import { emitNewexten } from './dialplan-runner.js';
import { emitCdr } from './cdr-event.js';
import { emitHangup, LocalCall } from './local-call.js';
import { parseCallerId, type OriginateRequest } from './originate-request.js';
import { PjsipOriginate } from './pjsip-originate.js';
import { ChannelState } from './sim-channel.js';

/** A synchronous answer to Originate: an error message, or undefined when the call was queued. */
export type OriginateCheck = string | undefined;

export function parseOriginate(
  msg: AmiMessage,
  settle: OriginateRequest['settle'],
): OriginateRequest | { error: string } {
  const channel = msg.get('Channel');
  if (!channel) return { error: 'Channel not specified' };
  const cid = parseCallerId(msg.get('CallerID'));
  const variables: [string, string][] = [];
  for (const v of msg.getAll('Variable')) {
    for (const part of v.split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) variables.push([part.slice(0, eq), part.slice(eq + 1)]);
    }
  }
  const timeout = Number(msg.get('Timeout'));
  return {
    actionId: msg.get('ActionID'),
    channel,
    context: msg.get('Context'),
    exten: msg.get('Exten'),
    priority: Number(msg.get('Priority')) || 1,
    application: msg.get('Application') || undefined,
    data: msg.get('Data') ?? '',
    callerIdNum: cid.num,
    callerIdName: cid.name,
    variables,
    timeoutMs: timeout > 0 ? timeout : 30_000,
    channelId: msg.get('ChannelId') || undefined,
    otherChannelId: msg.get('OtherChannelId') || undefined,
    async: /^(true|yes|1|on)$/i.test(msg.get('Async') ?? ''),
    settle,
  };
}

/** Validates like Asterisk does before queueing; an error string is the Response: Error message. */
export function checkOriginate(engine: CallEngine, req: OriginateRequest): OriginateCheck {
  if (!req.application && req.exten !== undefined) {
    if (!engine.lookup(req.context ?? 'default', req.exten)) return 'Extension does not exist.';
  }
  return undefined;
}

/** Places the call; the outcome reaches `req.settle`. */
export function placeOriginate(engine: CallEngine, req: OriginateRequest): void {
  const slash = req.channel.indexOf('/');
  const tech = slash > 0 ? req.channel.slice(0, slash) : '';
  const resource = req.channel.slice(slash + 1);
  if (tech.toLowerCase() === 'local') {
    const m = /^([^@]+)@([^/]+)/.exec(resource);
    const exten = m?.[1] ?? resource;
    const context = m?.[2] ?? 'default';
    const steps = engine.lookup(context, exten);
    if (!steps) {
      missingDestination(engine, req, exten, context);
      return;
    }
    new LocalCall(engine, req, exten, context, steps).start();
    return;
  }
  if (tech === 'PJSIP') {
    const target = parsePjsipTarget(resource);
    if (!engine.pjsip.reachable(target.endpoint)) {
      // No contact (or no such endpoint): the channel cannot be created; nothing but the failure.
      engine.clock.after(0, () => req.settle(false, 0, undefined));
      return;
    }
    new PjsipOriginate(engine, req, target.endpoint, resource, target.number).start();
    return;
  }
  engine.clock.after(0, () => req.settle(false, 0, undefined));
}

/**
 * `PJSIP/uas` (the endpoint's contact), `PJSIP/+15551234567@trunk` (a number at an endpoint) or
 * `PJSIP/trunk/sip:+15551234567@host` (an explicit URI): the endpoint, and the number whose route decides how
 * the peer behaves.
 */
export function parsePjsipTarget(resource: string): { endpoint: string; number: string } {
  const slash = resource.indexOf('/');
  if (slash > 0) {
    const uriUser = /^sips?:([^@;]+)@/.exec(resource.slice(slash + 1))?.[1];
    return { endpoint: resource.slice(0, slash), number: uriUser ?? resource.slice(0, slash) };
  }
  const at = resource.indexOf('@');
  if (at > 0) return { endpoint: resource.slice(at + 1), number: resource.slice(0, at) };
  return { endpoint: resource, number: resource };
}

/** `Local/x@nocontext`: both halves come and go at once, the originate fails with Reason 0. */
function missingDestination(engine: CallEngine, req: OriginateRequest, exten: string, context: string): void {
  const base = `Local/${exten}@${context}-${engine.ids.localSuffix()}`;
  const one = engine.newChannel(`${base};1`, context, exten, undefined, 'Local', req.channelId);
  const two = engine.newChannel(`${base};2`, context, exten, one.uniqueid, 'Local', req.otherChannelId);
  two.state = ChannelState.Ring;
  engine.processedCalls++;
  engine.emitChannel('Newchannel', one);
  engine.emitChannel('Newchannel', two);
  one.lastApp = 'AppDial2';
  one.lastData = '(Outgoing Line)';
  emitNewexten(engine, one, 'AppDial2', '(Outgoing Line)');
  emitHangup(engine, two, 0);
  emitHangup(engine, one, 0);
  req.settle(false, 0, undefined);
  emitCdr(engine, two, 'FAILED');
  emitCdr(engine, one, 'FAILED');
  engine.deviceState(one.device, 'INVALID');
  engine.deviceState(two.device, 'INVALID');
}
