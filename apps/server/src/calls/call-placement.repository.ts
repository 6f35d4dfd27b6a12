import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DatabaseHandle } from '../db/database.js';
import type { CallAnswer, CallRow, DidRow, TenantRow } from '../db/database.types.js';
import { countDidUse } from '../tenants/dids.repository.js';

/** A tenant row with its version (`xmin`): make-call's insert only goes through while the row is unchanged. */
export type VersionedTenant = TenantRow & { version: string };

/** The columns make-call chooses; the rest are the database's defaults. */
export interface NewCall {
  id: string;
  tenant_id: string;
  to_number: string;
  /** A paced call's explicit caller ID (counted when it is placed); otherwise the statement's DID. */
  from_number: string | null;
  did_id: string | null;
  caller_name: string | null;
  answer: CallAnswer;
  transfer_number_id: string | null;
  transfer_number: string | null;
  sound: string | null;
  record: boolean;
  timeout_seconds: number;
  variables: Record<string, string>;
  metadata: unknown;
  action_id: string;
  channel_id: string;
  other_channel_id: string;
  idempotency_key: string | null;
  request_hash: string;
  owner: string;
  created_at: Date;
}

export type PlaceResult =
  | { kind: 'created'; row: CallRow; did: DidRow }
  /** The tenant changed (or was disabled or deleted) since it was read: nothing was written. */
  | { kind: 'stale-tenant' }
  /** The DID is capped or disabled now: nothing was written. */
  | { kind: 'did-refused' }
  /** Another request holds the idempotency key: the DID use was counted and must be given back. */
  | { kind: 'duplicate' }
  | { kind: 'limit'; live: number };

export type QueueResult =
  | { kind: 'created'; row: CallRow }
  | { kind: 'stale-tenant' }
  | { kind: 'duplicate' }
  | { kind: 'limit'; live: number };

/** Rolls the pacing transaction back (the slot is given back) when the idempotency key is already held. */
class DuplicateKey extends Error {}

/** Raised by the `calls_live_insert` trigger (migration 0006) past the tenant's max concurrent calls. */
const LIMIT_SQLSTATE = 'SB429';

function limitOf(err: unknown): { kind: 'limit'; live: number } | undefined {
  const e = err as { code?: unknown; detail?: unknown } | null;
  if (e?.code !== LIMIT_SQLSTATE) return undefined;
  return { kind: 'limit', live: Number(e.detail) || 0 };
}

/** The call as one JSON parameter, read back by `json_populate_record(NULL::calls, ...)` with every type. */
const asRecord = (call: NewCall, extra: Record<string, unknown>) => JSON.stringify({ ...call, ...extra });

const COLUMNS = [
  'id',
  'tenant_id',
  'status',
  'to_number',
  'caller_name',
  'answer',
  'transfer_number_id',
  'transfer_number',
  'sound',
  'record',
  'timeout_seconds',
  'variables',
  'metadata',
  'action_id',
  'channel_id',
  'other_channel_id',
  'idempotency_key',
  'request_hash',
  'owner',
  'created_at',
  'scheduled_at',
  'originated_at',
  'pbx',
];
const CALL_COLUMNS = sql.raw(COLUMNS.join(', '));
const RECORD_COLUMNS = sql.raw(COLUMNS.map((column) => `r.${column}`).join(', '));
const CALLER_ID = sql.raw('from_number, did_id');

/**
 * How make-call writes: one statement per call, no lock held between round trips. The tenant's calls-in-progress
 * limit is a trigger-kept counter (migration 0006), the idempotency key a unique index (ON CONFLICT DO NOTHING),
 * the caller ID's daily cap a conditional UPDATE in the same statement, and the tenant settings the service
 * cached are checked against the row's version in that statement too.
 */
@Injectable()
export class CallPlacementRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db;
  }

  async tenant(id: string): Promise<VersionedTenant | undefined> {
    return this.db
      .selectFrom('tenants')
      .selectAll()
      .select(sql<string>`xmin::text`.as('version'))
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findByIdempotencyKey(tenantId: string, key: string): Promise<CallRow | undefined> {
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /** Frees an expired idempotency key (kept on its old call, which stays). */
  async expireIdempotencyKey(callId: string): Promise<void> {
    await this.db.updateTable('calls').set({ idempotency_key: null }).where('id', '=', callId).execute();
  }

  /**
   * Inserts a call that is originated now (`dialing`, on `pbx`), counting its caller ID in the same statement.
   * Nothing is written when the tenant changed, or the DID is refused, or the limit is reached.
   */
  async placeNow(
    call: NewCall,
    tenant: VersionedTenant,
    did: DidRow,
    today: string,
    pbx: string,
  ): Promise<PlaceResult> {
    const now = call.created_at;
    const record = asRecord(call, { status: 'dialing', scheduled_at: now, originated_at: now, pbx });
    try {
      const { rows } = await sql<CallRow & { _tenant: number; _did_uses: number | null }>`
        WITH t AS (
          SELECT id FROM tenants WHERE id = ${tenant.id} AND xmin::text = ${tenant.version} AND enabled
        ), d AS (
          ${countDidUse({ tenantId: tenant.id, didId: did.id, today, now, when: sql`EXISTS (SELECT 1 FROM t)` })}
        ), c AS (
          INSERT INTO calls (${CALL_COLUMNS}, ${CALLER_ID})
          SELECT ${RECORD_COLUMNS}, d.number, d.id FROM json_populate_record(NULL::calls, ${record}) r, d
          ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
          RETURNING *
        )
        SELECT c.*, (SELECT count(*) FROM t)::int AS _tenant, d.uses_today AS _did_uses
        FROM (SELECT 1) one LEFT JOIN d ON true LEFT JOIN c ON true`.execute(this.db);
      const { _tenant, _did_uses, ...row } = rows[0]!;
      if (_tenant === 0) return { kind: 'stale-tenant' };
      if (_did_uses === null) return { kind: 'did-refused' };
      if (row.id === null) return { kind: 'duplicate' };
      return {
        kind: 'created',
        row,
        did: { ...did, uses_today: _did_uses, usage_day: today, last_used_at: now },
      };
    } catch (err) {
      const limit = limitOf(err);
      if (limit) return limit;
      throw err;
    }
  }

  /**
   * Inserts a call held by the tenant's pacing (`queued` until its slot, or `dialing` when the slot is now),
   * taking the next slot from the tenant's pacing cursor in the same transaction; an idempotent replay gives the
   * slot back (rollback).
   */
  async queuePaced(
    call: NewCall,
    tenant: VersionedTenant,
    spacingMs: number,
    pbx: string,
  ): Promise<QueueResult> {
    const now = call.created_at;
    try {
      return await this.db.transaction().execute(async (trx) => {
        const { rows: slot } = await sql<{ at: Date }>`
          INSERT INTO tenant_call_counters AS k (tenant_id, next_slot_at)
          SELECT id, ${now}::timestamptz + ${spacingMs} * interval '1 millisecond' FROM tenants
          WHERE id = ${tenant.id} AND xmin::text = ${tenant.version} AND enabled
          ON CONFLICT (tenant_id) DO UPDATE
            SET next_slot_at = GREATEST(${now}::timestamptz, COALESCE(k.next_slot_at, ${now}::timestamptz))
              + ${spacingMs} * interval '1 millisecond'
          RETURNING k.next_slot_at - ${spacingMs} * interval '1 millisecond' AS at`.execute(trx);
        if (slot.length === 0) return { kind: 'stale-tenant' as const };
        // Due now: inserted already claimed (`dialing`, on `pbx`), so the queue runner can not take it first.
        const at = slot[0]!.at;
        const due = at.getTime() <= now.getTime();
        const record = asRecord(call, {
          status: due ? 'dialing' : 'queued',
          scheduled_at: at,
          originated_at: due ? now : null,
          pbx: due ? pbx : null,
        });
        const { rows } = await sql<CallRow>`
          INSERT INTO calls (${CALL_COLUMNS}, ${CALLER_ID})
          SELECT ${RECORD_COLUMNS}, r.from_number, r.did_id FROM json_populate_record(NULL::calls, ${record}) r
          ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
          RETURNING *`.execute(trx);
        if (rows.length === 0) throw new DuplicateKey();
        return { kind: 'created' as const, row: rows[0]! };
      });
    } catch (err) {
      if (err instanceof DuplicateKey) return { kind: 'duplicate' };
      const limit = limitOf(err);
      if (limit) return limit;
      throw err;
    }
  }
}
