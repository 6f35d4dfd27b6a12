import { Injectable } from '@nestjs/common';
import { sql, type Updateable } from 'kysely';
import { decodeCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type { CallEventRow, CallRow, CallsTable } from '../db/database.types.js';
import type { CallSnapshot, CallTrailEntry } from './call-status.js';

export const LIVE_STATUSES = ['queued', 'dialing', 'ringing', 'answered'] as const;

export interface CallFilters {
  status?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  number?: string | undefined;
  did?: string | undefined;
  q?: string | undefined;
}

@Injectable()
export class CallsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db;
  }

  /** Claims queued calls whose time has come (several instances may run this at once). */
  async claimDue(now: Date, limit: number, owner: string): Promise<CallRow[]> {
    return this.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('calls')
        .select('id')
        .where('status', '=', 'queued')
        .where('scheduled_at', '<=', now)
        .orderBy('scheduled_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      return trx
        .updateTable('calls')
        .set({ status: 'dialing', originated_at: now, updated_at: now, owner })
        .where(
          'id',
          'in',
          due.map((d) => d.id),
        )
        .returningAll()
        .execute();
    });
  }

  async nextScheduled(): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('calls')
      .select((eb) => eb.fn.min('scheduled_at').as('next'))
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return row?.next ? new Date(row.next) : undefined;
  }

  async findEnabledDid(
    tenantId: string,
    number: string,
  ): Promise<{ id: string; number: string } | undefined> {
    return this.db
      .selectFrom('dids')
      .select(['id', 'number'])
      .where('tenant_id', '=', tenantId)
      .where('number', '=', number)
      .where('enabled', '=', true)
      .executeTakeFirst();
  }

  async cancelQueued(id: string, now: Date): Promise<CallRow | undefined> {
    return this.db
      .updateTable('calls')
      .set({ status: 'canceled', ended_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  async update(id: string, changes: Updateable<CallsTable>): Promise<CallRow | undefined> {
    return this.db.updateTable('calls').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async find(tenantId: string, id: string): Promise<CallRow | undefined> {
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * Calls by id in any tenant, in change order: the live stream reads other instances' changes with it (each
   * row carries its tenant, and the hub hands it only to that tenant's subscribers).
   */
  async findMany(ids: string[]): Promise<CallRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('calls').selectAll().where('id', 'in', ids).orderBy('change_seq').execute();
  }

  /** The last `change_seq` handed out, committed or not (the sequence is not transactional). */
  async lastChangeSeq(): Promise<number> {
    const { rows } = await sql<{ seq: string }>`
      SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::text AS seq
      FROM call_changes_seq`.execute(this.db);
    return Number(rows[0]?.seq ?? 0);
  }

  /** The schema the calls table is read in (the database's change notices name it). */
  async currentSchema(): Promise<string> {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(this.db);
    return rows[0]?.schema ?? 'public';
  }

  /**
   * Calls the database thinks are on the PBX (dialing, ringing, answered) that `owner` placed (or that no
   * instance claimed: rows from before calls had owners). Other instances' calls are theirs to resync.
   */
  async inProgress(owner: string): Promise<CallRow[]> {
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('status', 'in', ['dialing', 'ringing', 'answered'])
      .where((eb) => eb.or([eb('owner', '=', owner), eb('owner', 'is', null)]))
      .execute();
  }

  /**
   * Closes calls of any instance still in progress though originated before `before` (past the maximum
   * duration and its grace: their instance is gone, else its own watchdog would have closed them).
   */
  async closeAbandoned(before: Date, now: Date): Promise<CallRow[]> {
    return this.db
      .updateTable('calls')
      .set({
        status: sql<string>`CASE WHEN answered_at IS NULL THEN 'failed' ELSE 'completed' END`,
        end_reason: 'max-duration',
        ended_at: now,
        updated_at: now,
      })
      .where('status', 'in', ['dialing', 'ringing', 'answered'])
      .where('originated_at', '<', before)
      .returningAll()
      .execute();
  }

  /** The tenant's calls changed after `changeSeq`, as they are now, in change order (stream resume). */
  async changedSince(tenantId: string, changeSeq: number, limit: number): Promise<CallRow[]> {
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`change_seq > ${String(changeSeq)}::bigint`)
      .orderBy('change_seq')
      .limit(limit)
      .execute();
  }

  /**
   * Calls of every tenant changed after `changeSeq`, as they are now, in change order (the live stream's
   * catch-up after its listener was away). Read tenant by tenant on (tenant_id, change_seq), so no index on
   * change_seq alone is needed.
   */
  async changedSinceInAnyTenant(changeSeq: number, limit: number): Promise<CallRow[]> {
    const { rows } = await sql<CallRow>`
      SELECT c.* FROM tenants t CROSS JOIN LATERAL (
        SELECT * FROM calls
        WHERE tenant_id = t.id AND change_seq > ${String(changeSeq)}::bigint
        ORDER BY change_seq LIMIT ${limit}
      ) c
      ORDER BY c.change_seq LIMIT ${limit}`.execute(this.db);
    return rows;
  }

  async events(callId: string): Promise<CallEventRow[]> {
    return this.db
      .selectFrom('call_events')
      .selectAll()
      .where('call_id', '=', callId)
      .orderBy('id')
      .execute();
  }

  /** Newest first, keyset on (created_at, id). */
  async list(tenantId: string, filters: CallFilters, limit: number, cursor?: string): Promise<CallRow[]> {
    let query = this.db.selectFrom('calls').selectAll().where('tenant_id', '=', tenantId);
    if (cursor !== undefined) {
      const at = decodeCursor(cursor);
      query = query.where(
        sql<boolean>`(created_at, id) < (${at.createdAt.toISOString()}::timestamptz, ${at.id}::uuid)`,
      );
    }
    if (filters.status) query = query.where('status', '=', filters.status);
    if (filters.since) query = query.where('created_at', '>=', filters.since);
    if (filters.until) query = query.where('created_at', '<', filters.until);
    if (filters.number) query = query.where('to_number', '=', filters.number);
    if (filters.did) query = query.where('from_number', '=', filters.did);
    if (filters.q) {
      const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('to_number', 'like', like),
          eb('from_number', 'like', like),
          eb('caller_name', 'ilike', like),
        ]),
      );
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /**
   * One statement per batch (so one round trip, atomic): every trail entry, and the latest snapshot of each
   * call. Rows go as two JSON parameters read back by `json_populate_recordset` with the tables' own types.
   */
  async applyBatch(
    snapshots: CallSnapshot[],
    trail: Array<{ callId: string; entry: CallTrailEntry }>,
    now: Date,
  ): Promise<CallRow[]> {
    const events = JSON.stringify(
      trail.map(({ callId, entry }) => ({
        call_id: callId,
        name: entry.name,
        at: entry.at,
        headers: entry.headers,
      })),
    );
    const changes = JSON.stringify(
      snapshots.map((call) => ({ id: call.callId, ...snapshotColumns(call, now) })),
    );
    const { rows } = await sql<CallRow>`
      WITH trail AS (
        INSERT INTO call_events (call_id, name, at, headers)
        SELECT e.call_id, e.name, e.at, e.headers
        FROM ROWS FROM (json_populate_recordset(NULL::call_events, ${events}::json)) WITH ORDINALITY AS e
        ORDER BY e.ordinality
      )
      UPDATE calls c SET ${sql.join(
        SNAPSHOT_COLUMNS.map((column) => sql`${sql.ref(column)} = v.${sql.ref(column)}`),
      )}
      FROM json_populate_recordset(NULL::calls, ${changes}::json) v
      WHERE c.id = v.id
      RETURNING c.*`.execute(this.db);
    return rows;
  }

  /** Deletes calls (and their events) created before `before`; answers how many went. */
  async purge(before: Date, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.db
        .deleteFrom('calls')
        .where('id', 'in', (eb) =>
          eb.selectFrom('calls').select('id').where('created_at', '<', before).limit(batch),
        )
        .where('status', 'not in', LIVE_STATUSES)
        .executeTakeFirst();
      const deleted = Number(result.numDeletedRows);
      total += deleted;
      if (deleted < batch) return total;
    }
  }
}

const SNAPSHOT_COLUMNS = [
  'status',
  'channel',
  'other_channel',
  'dialed_channel',
  'uniqueid',
  'linkedid',
  'ringing_at',
  'answered_at',
  'ended_at',
  'ring_seconds',
  'talk_seconds',
  'hangup_cause',
  'hangup_cause_text',
  'originate_response',
  'originate_reason',
  'dial_status',
  'cdr_disposition',
  'cdr_billsec',
  'end_reason',
  'updated_at',
] as const satisfies ReadonlyArray<keyof CallsTable>;

function snapshotColumns(call: CallSnapshot, now: Date): Updateable<CallsTable> {
  return {
    status: call.status,
    channel: call.channel,
    other_channel: call.otherChannel,
    dialed_channel: call.dialedChannel,
    uniqueid: call.uniqueid,
    linkedid: call.linkedid,
    ringing_at: call.ringingAt,
    answered_at: call.answeredAt,
    ended_at: call.endedAt,
    ring_seconds: call.ringSeconds,
    talk_seconds: call.talkSeconds,
    hangup_cause: call.hangupCause,
    hangup_cause_text: call.hangupCauseText,
    originate_response: call.originateResponse,
    originate_reason: call.originateReason,
    dial_status: call.dialStatus,
    cdr_disposition: call.cdrDisposition,
    cdr_billsec: call.cdrBillsec,
    end_reason: call.endReason,
    updated_at: now,
  };
}
