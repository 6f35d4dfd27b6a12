import type { Selectable, Updateable } from 'kysely';
import { afterCursor } from '../common/validation/pagination.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/database.types.js';

/** Tables whose rows belong to one tenant (`tenant_id`) and are listed in (created_at, id) order. */
export type TenantOwnedTable = 'dids' | 'transfer_numbers';

type Row<T extends TenantOwnedTable> = Selectable<Database[T]>;

/**
 * List, find, update and delete of a tenant's rows in one table; every query is scoped by `tenant_id`.
 * Kysely types the queries as ones on any of the tables, hence the casts of their results to `T`'s row.
 */
export class TenantOwnedRows<T extends TenantOwnedTable> {
  /** Widened: Kysely cannot resolve columns on a table named by a type parameter. */
  private readonly table: TenantOwnedTable;

  constructor(
    private readonly database: DatabaseHandle,
    table: T,
  ) {
    this.table = table;
  }

  protected get db() {
    return this.database.db;
  }

  /** `limit + 1` rows after `cursor`: the extra row only says whether more exist. */
  async list(tenantId: string, limit: number, cursor: string | undefined): Promise<Row<T>[]> {
    const rows = await this.db
      .selectFrom(this.table)
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(afterCursor(cursor))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return rows as Row<T>[];
  }

  async find(tenantId: string, id: string): Promise<Row<T> | undefined> {
    const row = await this.db
      .selectFrom(this.table)
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row as Row<T> | undefined;
  }

  async update(tenantId: string, id: string, changes: Updateable<Database[T]>): Promise<Row<T> | undefined> {
    const row = await this.db
      .updateTable(this.table)
      .set(changes)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row as Row<T> | undefined;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom(this.table)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
