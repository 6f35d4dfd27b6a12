import { Injectable } from '@nestjs/common';
import { sql, type RawBuilder } from 'kysely';
import { DatabaseHandle } from '../db/database.js';
import type { DidRow } from '../db/database.types.js';
import { TenantOwnedRows } from './tenant-owned-rows.js';

export interface NewDid {
  tenantId: string;
  number: string;
  label: string | null;
  enabled: boolean;
  dailyCap: number | null;
}

@Injectable()
export class DidsRepository extends TenantOwnedRows<'dids'> {
  constructor(database: DatabaseHandle) {
    super(database, 'dids');
  }

  async insert(did: NewDid): Promise<DidRow> {
    return this.db
      .insertInto('dids')
      .values({
        tenant_id: did.tenantId,
        number: did.number,
        label: did.label,
        enabled: did.enabled,
        daily_cap: did.dailyCap,
        usage_day: null,
        last_used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The tenant's enabled DIDs in rotation (`position`) order. */
  async listEnabled(tenantId: string): Promise<DidRow[]> {
    return this.db
      .selectFrom('dids')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('enabled', '=', true)
      .orderBy('position')
      .execute();
  }

  /** Counts one use of the DID when it is still enabled and under its daily cap; undefined when refused. */
  async countUse(tenantId: string, didId: string, today: string, now: Date): Promise<DidRow | undefined> {
    const { rows } = await countDidUse({ tenantId, didId, today, now }).execute(this.db);
    return rows[0];
  }

  /** Takes back a use counted for a call that was not placed after all (an idempotent replay lost the race). */
  async returnUse(didId: string, today: string): Promise<void> {
    await this.db
      .updateTable('dids')
      .set({
        uses_today: sql<number>`GREATEST(uses_today - 1, 0)`,
        total_uses: sql<number>`GREATEST(total_uses - 1, 0)`,
      })
      .where('id', '=', didId)
      .where('usage_day', '=', today)
      .execute();
  }
}

export interface DidUse {
  tenantId: string;
  didId: string;
  /** UTC day, YYYY-MM-DD. */
  today: string;
  now: Date;
  /** An extra SQL condition the count depends on (make-call: the tenant is as cached). */
  when?: RawBuilder<unknown>;
}

/**
 * The one statement that counts a DID use: atomic per row, so daily caps hold with any number of concurrent
 * picks, connections and instances, without a lock held across round trips. Make-call runs it as a CTE.
 */
export function countDidUse(use: DidUse): RawBuilder<DidRow> {
  return sql<DidRow>`UPDATE dids SET
      uses_today = CASE WHEN usage_day = ${use.today} THEN uses_today + 1 ELSE 1 END,
      usage_day = ${use.today},
      total_uses = total_uses + 1,
      last_used_at = ${use.now}
    WHERE id = ${use.didId} AND tenant_id = ${use.tenantId} AND enabled
      AND (daily_cap IS NULL OR usage_day IS DISTINCT FROM ${use.today} OR uses_today < daily_cap)
      AND ${use.when ?? sql`true`}
    RETURNING *`;
}
