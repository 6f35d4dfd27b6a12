/** Where a call is in its life. The last six are final. */
export const CALL_STATUSES = [
  'queued',
  'dialing',
  'ringing',
  'answered',
  'completed',
  'busy',
  'no-answer',
  'congestion',
  'failed',
  'canceled',
] as const;

export type CallStatus = (typeof CALL_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<CallStatus> = new Set([
  'completed',
  'busy',
  'no-answer',
  'congestion',
  'failed',
  'canceled',
]);

export const isFinalStatus = (status: CallStatus): boolean => FINAL_STATUSES.has(status);

/** Why a call ended without Asterisk saying so; null when its own events ended it. */
export type CallEndReason = 'pbx-connection-lost' | 'max-duration' | 'originate-not-sent';

/** Everything the tracker knows about one call; the call row mirrors it. */
export interface CallSnapshot {
  callId: string;
  status: CallStatus;
  channelId: string;
  otherChannelId: string | null;
  actionId: string | null;
  /** Name of the originated channel (`Local/...;1`) and of its other half (`;2`). */
  channel: string | null;
  otherChannel: string | null;
  /** The callee leg reached by a Dial() inside the dialplan, when there was one. */
  dialedChannel: string | null;
  uniqueid: string | null;
  linkedid: string | null;
  originatedAt: Date | null;
  ringingAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  ringSeconds: number | null;
  talkSeconds: number | null;
  /** Q.850 cause: the most informative one among the call's channels. */
  hangupCause: number | null;
  hangupCauseText: string | null;
  /** OriginateResponse: `Response` and the AST_CONTROL `Reason`. */
  originateResponse: 'Success' | 'Failure' | null;
  originateReason: number | null;
  /** DialStatus of the Dial() leg when there was one, else of the Originate's own DialEnd. */
  dialStatus: string | null;
  /** Cdr of the originated channel (else of the first one seen), as a cross-check. */
  cdrDisposition: string | null;
  cdrBillsec: number | null;
  recordingStarted: boolean;
  endReason: CallEndReason | null;
}

/** One stored line of a call's event trail. */
export interface CallTrailEntry {
  name: string;
  at: Date;
  headers: Record<string, string | string[]>;
}

/** What one input changed: the call as it is now, and the event that changed it (if any). */
export interface CallUpdate {
  call: CallSnapshot;
  previousStatus: CallStatus;
  statusChanged: boolean;
  /** True once, when the call reaches its final status. */
  ended: boolean;
  trail: CallTrailEntry | null;
}
