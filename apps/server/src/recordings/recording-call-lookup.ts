import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { CallStatus } from '../calls/call-status.js';
import { DatabaseHandle } from '../db/database.js';

/** The call a recording belongs to: enough to scope it to a tenant and to name it in a list. */
export interface RecordingCall {
  callId: string;
  tenantId: string;
  /** The number called (E.164) and the caller ID shown, if any. */
  to: string;
  from: string | null;
  status: CallStatus;
}

/** Finds the calls of recordings: by the call's recording path, or by a Uniqueid / call id in the file name. */
export abstract class RecordingCallLookup {
  /** For each relative path, the call it belongs to (absent when no call is known). */
  abstract find(files: Array<{ relativePath: string; keys: string[] }>): Promise<Map<string, RecordingCall>>;
}

interface CallKeys {
  id: string;
  tenant_id: string;
  recording_file: string | null;
  uniqueid: string | null;
  channel_id: string;
  to_number: string;
  from_number: string | null;
  status: CallStatus;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Reads the `calls` table in one query that each of its arms answers from an index (migration 0011: the last
 * segment of `recording_file`, `uniqueid`; `channel_id` is unique, `id` the key), then matches in memory by
 * map. A file's call is, in this order: the call whose `recording_file` is that path (full, or ending in it),
 * the call whose Uniqueid, channel id or id is a key read from the file name, a call whose `recording_file`
 * has the same file name in another folder.
 */
@Injectable()
export class SqlRecordingCallLookup extends RecordingCallLookup {
  constructor(private readonly database: DatabaseHandle) {
    super();
  }

  async find(files: Array<{ relativePath: string; keys: string[] }>): Promise<Map<string, RecordingCall>> {
    const found = new Map<string, RecordingCall>();
    if (files.length === 0) return found;
    const names = [...new Set(files.map((f) => lastSegment(f.relativePath)))];
    const keys = [...new Set(files.flatMap((f) => f.keys))];
    const ids = keys.filter((key) => UUID.test(key));
    const { rows } = await sql<CallKeys>`
      SELECT id::text AS id, tenant_id::text AS tenant_id, recording_file, uniqueid, channel_id, to_number,
        from_number, status
      FROM calls
      WHERE (recording_file IS NOT NULL AND regexp_replace(recording_file, '^.*/', '') = ANY(${names}::text[]))
         OR uniqueid = ANY(${keys}::text[])
         OR channel_id = ANY(${keys}::text[])
         OR id = ANY(${ids}::uuid[])`.execute(this.database.db);

    const byName = new Map<string, CallKeys[]>();
    const byKey = new Map<string, CallKeys>();
    for (const row of rows) {
      if (row.recording_file !== null) {
        const name = lastSegment(row.recording_file);
        byName.set(name, [...(byName.get(name) ?? []), row]);
      }
      for (const key of [row.uniqueid, row.channel_id, row.id]) {
        if (key !== null && !byKey.has(key)) byKey.set(key, row);
      }
    }
    for (const file of files) {
      const named = byName.get(lastSegment(file.relativePath)) ?? [];
      const row =
        named.find(
          (r) =>
            r.recording_file === file.relativePath || r.recording_file!.endsWith(`/${file.relativePath}`),
        ) ??
        file.keys.map((key) => byKey.get(key)).find((r) => r !== undefined) ??
        named[0];
      if (row) {
        found.set(file.relativePath, {
          callId: row.id,
          tenantId: row.tenant_id,
          to: row.to_number,
          from: row.from_number,
          status: row.status,
        });
      }
    }
    return found;
  }
}
