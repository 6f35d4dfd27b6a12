import { Injectable } from '@nestjs/common';
import { afterCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type { NewTenantRow, TenantRow, TenantUpdate } from '../db/database.types.js';

/** Postgres unique_violation; the same code on PGlite. */
export const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: unknown } | null)?.code === '23505';

@Injectable()
export class TenantsRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db;
  }

  async findById(id: string): Promise<TenantRow | undefined> {
    return this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `onlyId` restricts the listing to one tenant (an operator or viewer key sees only its own). */
  async list(limit: number, cursor: string | undefined, onlyId?: string): Promise<TenantRow[]> {
    let query = this.db.selectFrom('tenants').selectAll().where(afterCursor(cursor));
    if (onlyId !== undefined) query = query.where('id', '=', onlyId);
    return query
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }

  async insert(row: NewTenantRow): Promise<TenantRow> {
    return this.db.insertInto('tenants').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: string, changes: TenantUpdate): Promise<TenantRow | undefined> {
    return this.db.updateTable('tenants').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('tenants').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
