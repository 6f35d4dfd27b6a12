import type { CallEngine } from './call-engine.js';
import type { SimChannel } from './sim-channel.js';

export type Disposition = 'ANSWERED' | 'NO ANSWER' | 'BUSY' | 'FAILED' | 'CONGESTION';

/** Unanswered calls: the CDR disposition Asterisk derives from the hangup cause. */
export function dispositionForCause(cause: number): Disposition {
  if (cause === 17) return 'BUSY';
  if (cause === 34 || cause === 42 || cause === 38 || cause === 41) return 'CONGESTION';
  if (cause === 1 || cause === 3 || cause === 21 || cause === 27 || cause === 28 || cause === 0)
    return 'FAILED';
  return 'NO ANSWER';
}

function cdrTime(ms: number | undefined): string {
  if (ms === undefined) return '';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `Event: Cdr` for one channel (cdr_manager with unanswered = yes), headers in Asterisk's order. */
export function emitCdr(
  engine: CallEngine,
  ch: SimChannel,
  disposition: Disposition,
  destinationChannel = '',
): void {
  const end = engine.clock.now();
  const answered = disposition === 'ANSWERED' ? ch.answeredAt : undefined;
  engine.emit('Cdr', 'cdr', [
    'AccountCode',
    ch.accountCode,
    'Source',
    ch.callerIdNum,
    'Destination',
    ch.exten,
    'DestinationContext',
    ch.context,
    'CallerID',
    `"${ch.callerIdName}" <${ch.callerIdNum}>`,
    'Channel',
    ch.name,
    'DestinationChannel',
    destinationChannel,
    'LastApplication',
    ch.lastApp,
    'LastData',
    ch.lastData,
    'StartTime',
    cdrTime(ch.createdAt),
    'AnswerTime',
    cdrTime(answered),
    'EndTime',
    cdrTime(end),
    'Duration',
    String(Math.floor((end - ch.createdAt) / 1000)),
    'BillableSeconds',
    String(answered === undefined ? 0 : Math.floor((end - answered) / 1000)),
    'Disposition',
    disposition,
    'AMAFlags',
    'DOCUMENTATION',
    'UniqueID',
    ch.uniqueid,
    'UserField',
    ch.vars.get('CDR(userfield)') ?? '',
  ]);
}
