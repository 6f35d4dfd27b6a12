import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { afterCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type { DidRotationStrategy, DidRow, DidsTable } from '../db/database.types.js';
import type { Updateable } from 'kysely';

export interface NewDid {
  tenantId: string;
  number: string;
  label: string | null;
  enabled: boolean;
  dailyCap: number | null;
}

/** What the rotation sees inside the tenant lock. */
export interface RotationState {
  strategy: DidRotationStrategy;
  lastPosition: number;
  candidates: DidRow[];
}

@Injectable()
export class DidsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db;
  }

  async list(tenantId: string, limit: number, cursor: string | undefined): Promise<DidRow[]> {
    return this.db
      .selectFrom('dids')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(afterCursor(cursor))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }

  async find(tenantId: string, id: string): Promise<DidRow | undefined> {
    return this.db
      .selectFrom('dids')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
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

  async update(tenantId: string, id: string, changes: Updateable<DidsTable>): Promise<DidRow | undefined> {
    return this.db
      .updateTable('dids')
      .set(changes)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('dids')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Picks and counts one DID atomically. The tenant row is locked (FOR UPDATE) for the whole pick, so
   * concurrent selections for a tenant run one after another: the round-robin cursor, the daily caps and the
   * counters never see a half-finished pick, on PostgreSQL with many connections as on PGlite.
   */
  async pickAndCount(
    tenantId: string,
    today: string,
    now: Date,
    choose: (state: RotationState) => DidRow | undefined,
  ): Promise<DidRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const tenant = await trx
        .selectFrom('tenants')
        .select(['did_rotation', 'did_rr_position'])
        .where('id', '=', tenantId)
        .forUpdate()
        .executeTakeFirst();
      if (!tenant) return undefined;
      const candidates = await trx
        .selectFrom('dids')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('enabled', '=', true)
        .where((eb) =>
          eb.or([
            eb('daily_cap', 'is', null),
            eb('usage_day', 'is', null),
            eb('usage_day', '!=', today),
            eb('uses_today', '<', eb.ref('daily_cap')),
          ]),
        )
        .orderBy('position')
        .execute();
      const chosen = choose({
        strategy: tenant.did_rotation,
        lastPosition: tenant.did_rr_position,
        candidates,
      });
      if (!chosen) return undefined;
      const counted = await trx
        .updateTable('dids')
        .set((eb) => ({
          uses_today: sql<number>`CASE WHEN usage_day = ${today} THEN uses_today + 1 ELSE 1 END`,
          usage_day: today,
          total_uses: eb('total_uses', '+', 1),
          last_used_at: now,
        }))
        .where('id', '=', chosen.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('tenants')
        .set({ did_rr_position: chosen.position })
        .where('id', '=', tenantId)
        .execute();
      return counted;
    });
  }
}
