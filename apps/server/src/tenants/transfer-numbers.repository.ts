import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DatabaseHandle } from '../db/database.js';
import type { TransferNumberRow } from '../db/database.types.js';
import { TenantOwnedRows } from './tenant-owned-rows.js';

export interface NewTransferNumber {
  tenantId: string;
  number: string;
  label: string | null;
  weight: number;
  enabled: boolean;
  concurrentCap: number | null;
}

@Injectable()
export class TransferNumbersRepository extends TenantOwnedRows<'transfer_numbers'> {
  constructor(database: DatabaseHandle) {
    super(database, 'transfer_numbers');
  }

  async insert(entry: NewTransferNumber): Promise<TransferNumberRow> {
    return this.db
      .insertInto('transfer_numbers')
      .values({
        tenant_id: entry.tenantId,
        number: entry.number,
        label: entry.label,
        weight: entry.weight,
        enabled: entry.enabled,
        concurrent_cap: entry.concurrentCap,
        last_used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Picks one number among those enabled, weighted and under their concurrent cap, and counts it as an active
   * transfer, without a lock: the count is one conditional UPDATE that refuses a number gone busy (or disabled)
   * meanwhile, and then the pick is made again among the others. Caps hold with any number of connections.
   */
  async acquire(
    tenantId: string,
    now: Date,
    choose: (candidates: TransferNumberRow[]) => TransferNumberRow | undefined,
  ): Promise<TransferNumberRow | undefined> {
    const refused = new Set<string>();
    for (;;) {
      const candidates = await this.db
        .selectFrom('transfer_numbers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('enabled', '=', true)
        .where('weight', '>', 0)
        .where((eb) =>
          eb.or([eb('concurrent_cap', 'is', null), eb('active_calls', '<', eb.ref('concurrent_cap'))]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const chosen = choose(candidates.filter((c) => !refused.has(c.id)));
      if (!chosen) return undefined;
      const counted = await this.db
        .updateTable('transfer_numbers')
        .set((eb) => ({
          active_calls: eb('active_calls', '+', 1),
          total_uses: eb('total_uses', '+', 1),
          last_used_at: now,
        }))
        .where('id', '=', chosen.id)
        .where('enabled', '=', true)
        .where('weight', '>', 0)
        .where((eb) =>
          eb.or([eb('concurrent_cap', 'is', null), eb('active_calls', '<', eb.ref('concurrent_cap'))]),
        )
        .returningAll()
        .executeTakeFirst();
      if (counted) return counted;
      refused.add(chosen.id);
    }
  }

  /** Ends one active transfer; never goes below zero. */
  async release(tenantId: string, id: string): Promise<TransferNumberRow | undefined> {
    return this.db
      .updateTable('transfer_numbers')
      .set({ active_calls: sql<number>`GREATEST(active_calls - 1, 0)` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }
}
