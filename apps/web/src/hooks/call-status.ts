import type { ResponseOf } from '../api/api-types';

/** Where a call is in its life, as the API's schema (generated from the server's) spells it. */
export type CallStatus = ResponseOf<'/api/calls/{id}', 'get'>['status'];

/**
 * Every status, in the order the UI lists them (a call's life, then how it ended), and whether it is final: a
 * call in a final status has ended and will not change again. Keyed by the schema's status type, so a status the
 * server adds (apps/server/src/calls/call-status.ts) fails the web's typecheck here until it is placed.
 */
const IS_FINAL = {
  queued: false,
  dialing: false,
  ringing: false,
  answered: false,
  completed: true,
  busy: true,
  'no-answer': true,
  congestion: true,
  failed: true,
  canceled: true,
} as const satisfies Record<CallStatus, boolean>;

/** Every call status, in display order. */
export const CALL_STATUSES = Object.keys(IS_FINAL) as readonly CallStatus[];

export const isFinalStatus = (status: CallStatus): boolean => IS_FINAL[status];
