import { randomUUID } from 'node:crypto';
import { AmiError, AmiErrorCode } from '../errors.js';
import type { OriginateResponseEvent } from '../events/ami-event.js';
import type { AmiAction } from '../protocol/ami-serializer.js';

export interface OriginateParams {
  /** Dial string, e.g. `PJSIP/+15550100@trunk` or `Local/+15550100@from-internal`. */
  channel: string;
  /** Dialplan destination once answered (with `exten`, `priority`)... */
  context?: string;
  exten?: string;
  priority?: number | string;
  /** ...or an application to run once answered (with `data`). */
  application?: string;
  data?: string;
  /** `"Name" <number>` or a bare number. */
  callerId?: string;
  /** Ring timeout in ms (Asterisk's `Timeout`). Default: Asterisk's 30000. */
  timeout?: number;
  /** Channel variables, set with repeated `Variable: name=value` headers. */
  variables?: Readonly<Record<string, string | number>>;
  /** Uniqueid of the originated channel (`;1` of a Local channel). Default: a random UUID. */
  channelId?: string;
  /** Uniqueid of the other half (`;2` of a Local channel). Default: a random UUID. */
  otherChannelId?: string;
  account?: string;
  codecs?: readonly string[];
  earlyMedia?: boolean;
  /** Keep a caller-chosen ActionID; default is the client's generated one. */
  actionId?: string;
}

/** What the OriginateResponse `Reason` says. Coarse: Reason 0 also covers a Dial() that ended busy. */
export type OriginateOutcome = 'answered' | 'busy' | 'no-answer' | 'congestion' | 'failed';

export interface OriginateResult {
  actionId: string;
  channelId: string;
  otherChannelId: string;
  /** `Response: Success` in the OriginateResponse event. */
  success: boolean;
  /** AST_CONTROL code: 4 answered, 5 busy, 8 congestion, 3 ringing when the timeout expired, 0 other failure. */
  reason: number;
  outcome: OriginateOutcome;
  /** The real channel name on success; the requested dial string on failure. */
  channel: string;
  /** The channel's Uniqueid on success; `undefined` on failure (Asterisk says `<unknown>`). */
  uniqueid: string | undefined;
  event: OriginateResponseEvent;
}

/** Variable names a dialplan can read back: `NAME` or a function form like `CDR(userfield)`. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\([A-Za-z0-9_,.-]*\))?$/;
/** Asterisk's AST_MAX_UNIQUEID is 150 bytes; ids are also used in file names, so keep them plain. */
const CHANNEL_ID = /^[A-Za-z0-9._-]{1,150}$/;

export function originateOutcome(reason: number): OriginateOutcome {
  switch (reason) {
    case 4:
      return 'answered';
    case 5:
      return 'busy';
    case 3:
      return 'no-answer';
    case 8:
      return 'congestion';
    default:
      return 'failed';
  }
}

/**
 * Builds an `Async: true` Originate from typed parameters. Refuses a half-specified destination, bad variable
 * names and unusable channel ids with `AMI_ERR_INVALID_VALUE`; the serializer then refuses CR/LF/NUL.
 */
export function buildOriginateAction(params: OriginateParams): {
  action: AmiAction;
  channelId: string;
  otherChannelId: string;
} {
  const invalid = (header: string, reason: string): AmiError =>
    new AmiError(AmiErrorCode.InvalidValue, `Invalid Originate ${header}: ${reason}`, {
      header,
      action: 'Originate',
      sent: false,
    });
  if (!params.channel) throw invalid('Channel', 'a channel is required');
  const toApplication = params.application !== undefined;
  if (toApplication && (params.context !== undefined || params.exten !== undefined)) {
    throw invalid('Application', 'give either application/data or context/exten/priority, not both');
  }
  if (!toApplication && (params.context === undefined || params.exten === undefined)) {
    throw invalid('Context', 'context and exten (or application) are required');
  }
  const channelId = params.channelId ?? randomUUID();
  const otherChannelId = params.otherChannelId ?? randomUUID();
  if (!CHANNEL_ID.test(channelId)) throw invalid('ChannelId', 'use 1-150 letters, digits, ".", "_" or "-"');
  if (!CHANNEL_ID.test(otherChannelId)) {
    throw invalid('OtherChannelId', 'use 1-150 letters, digits, ".", "_" or "-"');
  }
  if (channelId === otherChannelId) throw invalid('OtherChannelId', 'must differ from ChannelId');
  if (params.timeout !== undefined && !(Number.isInteger(params.timeout) && params.timeout > 0)) {
    throw invalid('Timeout', 'a positive whole number of milliseconds');
  }
  const variables: string[] = [];
  for (const [name, value] of Object.entries(params.variables ?? {})) {
    if (!VARIABLE_NAME.test(name)) throw invalid('Variable', `bad variable name "${name.slice(0, 40)}"`);
    variables.push(`${name}=${value}`);
  }
  const action: AmiAction = {
    Action: 'Originate',
    ActionID: params.actionId,
    Channel: params.channel,
    ...(toApplication
      ? { Application: params.application, Data: params.data }
      : { Context: params.context, Exten: params.exten, Priority: params.priority ?? 1 }),
    CallerID: params.callerId,
    Timeout: params.timeout,
    Account: params.account,
    Codecs: params.codecs?.join(','),
    EarlyMedia: params.earlyMedia,
    Async: 'true',
    ChannelId: channelId,
    OtherChannelId: otherChannelId,
    Variable: variables.length > 0 ? variables : undefined,
  };
  return { action, channelId, otherChannelId };
}

/** Reads an OriginateResponse event into a result. */
export function toOriginateResult(
  event: OriginateResponseEvent,
  ids: { actionId: string; channelId: string; otherChannelId: string },
): OriginateResult {
  const reason = Number.parseInt(event.Reason, 10);
  const success = event.Response === 'Success';
  return {
    ...ids,
    success,
    reason: Number.isNaN(reason) ? 0 : reason,
    outcome: success ? 'answered' : originateOutcome(Number.isNaN(reason) ? 0 : reason),
    channel: event.Channel,
    uniqueid: event.Uniqueid && event.Uniqueid !== '<unknown>' ? event.Uniqueid : undefined,
    event,
  };
}
