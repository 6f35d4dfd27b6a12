import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as calls from './0002-calls.js';
import * as sounds from './0004-sounds.js';
import * as recordingDeleteSetting from './0005-recording-delete-setting.js';
import * as callCounters from './0006-call-counters.js';
import * as callsDidIndex from './0007-calls-did-index.js';
import * as callChangeSeq from './0008-call-change-seq.js';
import * as platformApiKeys from './0009-platform-api-keys.js';
import * as callChangeNotify from './0010-call-change-notify.js';
import * as recordingLookupIndexes from './0011-recording-lookup-indexes.js';

/** Every migration, in order. One set for PGlite and PostgreSQL; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-calls': calls,
  '0004-sounds': sounds,
  '0005-recording-delete-setting': recordingDeleteSetting,
  '0006-call-counters': callCounters,
  '0007-calls-did-index': callsDidIndex,
  '0008-call-change-seq': callChangeSeq,
  '0009-platform-api-keys': platformApiKeys,
  '0010-call-change-notify': callChangeNotify,
  '0011-recording-lookup-indexes': recordingLookupIndexes,
};
