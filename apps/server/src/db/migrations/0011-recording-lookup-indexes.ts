import { sql, type Kysely } from 'kysely';

/**
 * Finding the calls of the recordings on a page (RecordingCallLookup) by file name and by Uniqueid: without
 * these every recordings list walked the whole calls table (300k calls, 2000 files: about 500 ms a request).
 * The file-name index is on the expression the lookup compares, the last path segment of `recording_file`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX calls_recording_name_idx ON calls (regexp_replace(recording_file, '^.*/', ''))
    WHERE recording_file IS NOT NULL`.execute(db);
  await sql`CREATE INDEX calls_uniqueid_idx ON calls (uniqueid) WHERE uniqueid IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS calls_uniqueid_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS calls_recording_name_idx`.execute(db);
}
