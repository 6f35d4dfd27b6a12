import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { encodeCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type { CallRow } from '../db/database.types.js';
import { CallsRepository, type CallFilters } from './calls.repository.js';
import { outcomeCounts, type OutcomeCounts } from './outcome-counts.js';

export interface CallStatsRow extends OutcomeCounts {
  did: string | null;
  totalTalkSeconds: number;
}

/** Read-side queries over many calls: statistics and the CSV export. */
@Injectable()
export class CallReportsRepository {
  constructor(
    private readonly database: DatabaseHandle,
    private readonly calls: CallsRepository,
  ) {}

  /** Counts per DID over a period (created_at in [since, until)). */
  async stats(tenantId: string, since: Date | undefined, until: Date | undefined): Promise<CallStatsRow[]> {
    let query = this.database.db
      .selectFrom('calls')
      .select([
        'from_number as did',
        sql<string>`count(*)`.as('placed'),
        sql<string>`count(*) FILTER (WHERE answered_at IS NOT NULL)`.as('answered'),
        sql<string>`count(*) FILTER (WHERE status = 'busy')`.as('busy'),
        sql<string>`count(*) FILTER (WHERE status = 'no-answer')`.as('noAnswer'),
        sql<string>`count(*) FILTER (WHERE status = 'congestion')`.as('congestion'),
        sql<string>`count(*) FILTER (WHERE status = 'failed')`.as('failed'),
        sql<string>`count(*) FILTER (WHERE status = 'canceled')`.as('canceled'),
        sql<string>`coalesce(sum(talk_seconds), 0)`.as('totalTalkSeconds'),
      ])
      .where('tenant_id', '=', tenantId);
    if (since) query = query.where('created_at', '>=', since);
    if (until) query = query.where('created_at', '<', until);
    const rows = await query.groupBy('from_number').orderBy('from_number').execute();
    return rows.map((row) => ({
      did: row.did,
      ...outcomeCounts(row),
      totalTalkSeconds: Number(row.totalTalkSeconds),
    }));
  }

  /** Every matching call, newest first, a page at a time (keyset), so an export never holds them all. */
  async *walk(tenantId: string, filters: CallFilters, pageSize = 1000): AsyncGenerator<CallRow[]> {
    let cursor: string | undefined;
    for (;;) {
      const rows = await this.calls.list(tenantId, filters, pageSize, cursor);
      const page = rows.slice(0, pageSize);
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (rows.length <= pageSize || !last) return;
      cursor = encodeCursor({ createdAt: last.created_at, id: last.id });
    }
  }
}
