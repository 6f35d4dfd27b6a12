import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Updateable } from 'kysely';
import { decodeCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type { CallEventRow, CallRow, CallsTable } from '../db/database.types.js';
import type { CallSnapshot, CallTrailEntry } from './call-status.js';

export const LIVE_STATUSES = ['queued', 'dialing', 'ringing', 'answered'] as const;

export type NewCall = Omit<Insertable<CallsTable>, 'scheduled_at' | 'status'>;

export type InsertCallResult =
  | { kind: 'created'; row: CallRow }
  | { kind: 'existing'; row: CallRow }
  | { kind: 'key-reused' }
  | { kind: 'limit'; live: number };

export interface InsertCallOptions {
  now: Date;
  maxConcurrent: number | null;
  /** Minimum spacing between this tenant's originates, ms (from calls per second); 0 = none. */
  spacingMs: number;
  idempotencyTtlMs: number;
}

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

  /**
   * Inserts a queued call under the tenant's row lock, so the idempotency key, the concurrent-call limit and
   * the pacing schedule hold with any number of concurrent requests and connections.
   */
  async insertQueued(call: NewCall, options: InsertCallOptions): Promise<InsertCallResult> {
    const unlimited = !call.idempotency_key && options.maxConcurrent === null && options.spacingMs === 0;
    if (unlimited) {
      // Nothing to keep consistent across requests: no lock, one statement.
      const row = await this.db
        .insertInto('calls')
        .values({ ...call, status: 'queued', scheduled_at: options.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { kind: 'created', row };
    }
    return this.db.transaction().execute(async (trx) => {
      await trx.selectFrom('tenants').select('id').where('id', '=', call.tenant_id).forUpdate().execute();
      if (call.idempotency_key) {
        const existing = await trx
          .selectFrom('calls')
          .selectAll()
          .where('tenant_id', '=', call.tenant_id)
          .where('idempotency_key', '=', call.idempotency_key)
          .executeTakeFirst();
        if (existing && existing.created_at.getTime() > options.now.getTime() - options.idempotencyTtlMs) {
          return existing.request_hash === call.request_hash
            ? { kind: 'existing' as const, row: existing }
            : { kind: 'key-reused' as const };
        }
        if (existing) {
          await trx
            .updateTable('calls')
            .set({ idempotency_key: null })
            .where('id', '=', existing.id)
            .execute();
        }
      }
      const live = await trx
        .selectFrom('calls')
        .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('scheduled_at').as('last')])
        .where('tenant_id', '=', call.tenant_id)
        .where('status', 'in', LIVE_STATUSES)
        .executeTakeFirstOrThrow();
      const count = Number(live.count);
      if (options.maxConcurrent !== null && count >= options.maxConcurrent) {
        return { kind: 'limit' as const, live: count };
      }
      const last = live.last ? new Date(live.last).getTime() : 0;
      const scheduledAt = new Date(Math.max(options.now.getTime(), last + options.spacingMs));
      const row = await trx
        .insertInto('calls')
        .values({ ...call, status: 'queued', scheduled_at: scheduledAt })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { kind: 'created' as const, row };
    });
  }

  /** queued -> dialing, once: whoever claims a call originates it; nobody else ever does. */
  async claim(id: string, now: Date): Promise<CallRow | undefined> {
    return this.db
      .updateTable('calls')
      .set({ status: 'dialing', originated_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  /** Claims queued calls whose time has come (several instances may run this at once). */
  async claimDue(now: Date, limit: number): Promise<CallRow[]> {
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
        .set({ status: 'dialing', originated_at: now, updated_at: now })
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

  async findMany(ids: string[]): Promise<CallRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('calls').selectAll().where('id', 'in', ids).execute();
  }

  /** Calls the database thinks are on the PBX (dialing, ringing, answered). */
  async inProgress(): Promise<CallRow[]> {
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('status', 'in', ['dialing', 'ringing', 'answered'])
      .execute();
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

  /** One transaction per batch: the latest snapshot of each call, and every trail entry. */
  async applyBatch(
    snapshots: CallSnapshot[],
    trail: Array<{ callId: string; entry: CallTrailEntry }>,
    now: Date,
  ): Promise<CallRow[]> {
    return this.db.transaction().execute(async (trx) => {
      if (trail.length > 0) {
        await trx
          .insertInto('call_events')
          .values(
            trail.map(({ callId, entry }) => ({
              call_id: callId,
              name: entry.name,
              at: entry.at,
              headers: JSON.stringify(entry.headers),
            })),
          )
          .execute();
      }
      const rows: CallRow[] = [];
      for (const call of snapshots) {
        const row = await trx
          .updateTable('calls')
          .set(snapshotColumns(call, now))
          .where('id', '=', call.callId)
          .returningAll()
          .executeTakeFirst();
        if (row) rows.push(row);
      }
      return rows;
    });
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
