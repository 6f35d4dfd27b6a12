import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DatabaseHandle } from '../db/database.js';

/** The call a recording belongs to. */
export interface RecordingCall {
  callId: string;
  tenantId: string;
}

/** Finds the calls of recordings: by the call's recording path, or by a Uniqueid / call id in the file name. */
export abstract class RecordingCallLookup {
  /** For each relative path, the call it belongs to (absent when no call is known). */
  abstract find(files: Array<{ relativePath: string; keys: string[] }>): Promise<Map<string, RecordingCall>>;
}

/**
 * Reads the `calls` table (issue 5) when it exists: `recording_file` (full or relative path, or file name),
 * `uniqueid`, `channel_id` or `id`. Until that table is there every recording is "no known call" (admin only).
 */
@Injectable()
export class SqlRecordingCallLookup extends RecordingCallLookup {
  constructor(private readonly database: DatabaseHandle) {
    super();
  }

  async find(files: Array<{ relativePath: string; keys: string[] }>): Promise<Map<string, RecordingCall>> {
    const found = new Map<string, RecordingCall>();
    if (files.length === 0) return found;
    const exists = await sql<{
      present: boolean;
    }>`SELECT to_regclass('calls') IS NOT NULL AS present`.execute(this.database.db);
    if (!exists.rows[0]?.present) return found;
    const names = files.flatMap((f) => [f.relativePath, f.relativePath.split('/').at(-1) ?? f.relativePath]);
    const keys = files.flatMap((f) => f.keys);
    const rows = await sql<{
      id: string;
      tenant_id: string;
      recording_file: string | null;
      uniqueid: string | null;
      channel_id: string | null;
    }>`SELECT id::text AS id, tenant_id::text AS tenant_id, recording_file, uniqueid, channel_id FROM calls
       WHERE regexp_replace(coalesce(recording_file, ''), '^.*/', '') = ANY(${names}::text[])
          OR recording_file = ANY(${names}::text[])
          OR uniqueid = ANY(${keys}::text[])
          OR channel_id = ANY(${keys}::text[])
          OR id::text = ANY(${keys}::text[])`.execute(this.database.db);
    for (const file of files) {
      const base = file.relativePath.split('/').at(-1);
      const row = rows.rows.find(
        (r) =>
          (r.recording_file !== null &&
            (r.recording_file.endsWith(`/${file.relativePath}`) ||
              r.recording_file === file.relativePath ||
              r.recording_file.split('/').at(-1) === base)) ||
          file.keys.some((key) => key === r.uniqueid || key === r.channel_id || key === r.id),
      );
      if (row) found.set(file.relativePath, { callId: row.id, tenantId: row.tenant_id });
    }
    return found;
  }
}
