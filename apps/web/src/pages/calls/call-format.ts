import type { Call, CallStatus } from '../../hooks/use-calls';

/** Seconds as "4 s", "1 min 05 s", "1 h 02 min"; a dash when unknown. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A running clock "0:07", "12:03", "1:02:03". */
export function formatClock(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A timestamp in the user's locale and time zone; a dash when absent. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : '—';

/** What the callee heard or was connected to once answered. */
export function describeAnswer(call: Call): string {
  const answer = call.answer;
  if (answer.type === 'sound') return `Play ${answer.sound}`;
  if (answer.type === 'transfer') {
    return `Transfer to ${call.transferNumber ?? (answer.number || 'a weighted pick of the transfer numbers')}`;
  }
  return `Dialplan ${answer.exten}@${answer.context} (priority ${answer.priority})`;
}

const EXPECTED_DIAL_STATUS: Partial<Record<CallStatus, string[]>> = {
  completed: ['ANSWER'],
  answered: ['ANSWER'],
  busy: ['BUSY'],
  'no-answer': ['NOANSWER'],
  congestion: ['CONGESTION', 'CHANUNAVAIL'],
  failed: ['CHANUNAVAIL', 'CONGESTION'],
  canceled: ['CANCEL'],
};

const EXPECTED_CDR: Partial<Record<CallStatus, string[]>> = {
  completed: ['ANSWERED'],
  busy: ['BUSY'],
  'no-answer': ['NO ANSWER'],
  congestion: ['CONGESTION', 'FAILED'],
  failed: ['FAILED', 'CONGESTION'],
  canceled: ['NO ANSWER'],
};

export interface CrossCheck {
  /** null when there is nothing to compare yet. */
  agrees: boolean | null;
  notes: string[];
}

/**
 * Compares the call's status with what Asterisk's DialStatus and Cdr said, and the Cdr's billable seconds
 * with the talk time measured from the events (within a second).
 */
export function crossCheck(call: Call): CrossCheck {
  const notes: string[] = [];
  let compared = false;
  const dialExpected = EXPECTED_DIAL_STATUS[call.status];
  if (call.dialStatus && dialExpected) {
    compared = true;
    if (!dialExpected.includes(call.dialStatus)) {
      notes.push(`DialStatus ${call.dialStatus} for a ${call.status} call`);
    }
  }
  const cdrExpected = EXPECTED_CDR[call.status];
  if (call.cdrDisposition && cdrExpected) {
    compared = true;
    if (!cdrExpected.includes(call.cdrDisposition)) {
      notes.push(`Cdr disposition ${call.cdrDisposition} for a ${call.status} call`);
    }
  }
  if (call.cdrBillsec !== null && call.talkSeconds !== null) {
    compared = true;
    if (Math.abs(call.cdrBillsec - call.talkSeconds) > 1) {
      notes.push(
        `Cdr bills ${call.cdrBillsec} s, the events measured ${Math.round(call.talkSeconds)} s of talk`,
      );
    }
  }
  return { agrees: compared ? notes.length === 0 : null, notes };
}

/** Ring time: the server's once the call ended, else from ringing to answer as soon as it is answered. */
export function ringSecondsOf(call: Call): number | null {
  if (call.ringSeconds !== null) return call.ringSeconds;
  if (!call.ringingAt || !call.answeredAt) return null;
  return (Date.parse(call.answeredAt) - Date.parse(call.ringingAt)) / 1000;
}
