import { Injectable } from '@nestjs/common';
import { afterCursor } from '../common/validation/pagination.js';
import { DatabaseHandle } from '../db/database.js';
import type { ApiKeyRole, ApiKeyRow } from '../db/database.types.js';

export interface NewApiKey {
  tenantId: string | null;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  hash: string;
}

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly database: DatabaseHandle) {}

  private get db() {
    return this.database.db;
  }

  async insert(key: NewApiKey): Promise<ApiKeyRow> {
    return this.db
      .insertInto('api_keys')
      .values({
        tenant_id: key.tenantId,
        name: key.name,
        role: key.role,
        prefix: key.prefix,
        key_hash: key.hash,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findActiveByHash(hash: string): Promise<ApiKeyRow | undefined> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** A tenant's keys, or with `null` the platform keys (no tenant); never both. */
  async list(tenantId: string | null, limit: number, cursor: string | undefined): Promise<ApiKeyRow[]> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where((eb) => (tenantId === null ? eb('tenant_id', 'is', null) : eb('tenant_id', '=', tenantId)))
      .where(afterCursor(cursor))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }

  /** Revokes a key of the tenant, or with `null` a platform key; undefined when there is none such. */
  async revoke(tenantId: string | null, id: string, at: Date): Promise<ApiKeyRow | undefined> {
    return this.db
      .updateTable('api_keys')
      .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
      .where((eb) => (tenantId === null ? eb('tenant_id', 'is', null) : eb('tenant_id', '=', tenantId)))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Records use at most once per `resolution`, so a busy key does not write on every request. */
  async touch(id: string, at: Date, resolutionMs: number): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('last_used_at', 'is', null),
          eb('last_used_at', '<', new Date(at.getTime() - resolutionMs)),
        ]),
      )
      .execute();
  }
}
