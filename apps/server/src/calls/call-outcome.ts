import type { CallStatus } from './call-status.js';

/** The facts a call's final status is read from; none depends on the order the events came in. */
export interface OutcomeFacts {
  answered: boolean;
  hangupRequested: boolean;
  originateReason: number | null;
  /** DialStatus of a Dial() leg inside the dialplan (the callee), if any. */
  innerDialStatus: string | null;
  /** DialStatus of the Originate's own DialEnd. */
  outerDialStatus: string | null;
  hangupCause: number | null;
}

const DIAL_STATUS_OUTCOME: Record<string, CallStatus> = {
  BUSY: 'busy',
  NOANSWER: 'no-answer',
  CONGESTION: 'congestion',
  CHANUNAVAIL: 'failed',
  INVALIDARGS: 'failed',
};

/** Q.850 causes that say more than "failed". */
const CAUSE_OUTCOME: Record<number, CallStatus> = {
  17: 'busy',
  18: 'no-answer',
  19: 'no-answer',
  34: 'congestion',
  38: 'congestion',
  42: 'congestion',
};

/**
 * The final status of a call. Asterisk's OriginateResponse `Reason` is coarse: 0 covers an invalid channel as
 * much as a Dial() that ended busy (captures dial-busy, dial-noanswer), so with Reason 0 the callee leg's
 * DialStatus and then the hangup cause decide.
 */
export function finalStatus(facts: OutcomeFacts): CallStatus {
  if (facts.answered) return 'completed';
  if (facts.hangupRequested) return 'canceled';
  switch (facts.originateReason) {
    case 5:
      return 'busy';
    case 8:
      return 'congestion';
    case 3:
      return 'no-answer';
    default:
      break;
  }
  const fromDial = facts.innerDialStatus ? DIAL_STATUS_OUTCOME[facts.innerDialStatus] : undefined;
  if (fromDial) return fromDial;
  const fromCause = facts.hangupCause === null ? undefined : CAUSE_OUTCOME[facts.hangupCause];
  if (fromCause) return fromCause;
  const fromOuter = facts.outerDialStatus ? DIAL_STATUS_OUTCOME[facts.outerDialStatus] : undefined;
  if (fromOuter && facts.originateReason === null) return fromOuter;
  return 'failed';
}

/**
 * The most informative Q.850 cause among a call's channels, independent of their order: a specific cause
 * (busy, no answer, congestion...) over 16 (normal clearing) over 0 (unknown); the lowest code among equals.
 */
export function pickCause(causes: Iterable<number>): number | null {
  let best: number | null = null;
  const rank = (cause: number) => (cause === 0 ? 0 : cause === 16 ? 1 : 2);
  for (const cause of causes) {
    if (best === null || rank(cause) > rank(best) || (rank(cause) === rank(best) && cause < best)) {
      best = cause;
    }
  }
  return best;
}
