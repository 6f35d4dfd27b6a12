import { sql, type Kysely } from 'kysely';

/**
 * Call logs by caller ID (`GET /api/calls?did=`), newest first: without it a DID used by few calls made the
 * list walk the tenant's whole history (issue 5 benchmark: a DID on 1 call in 1000, over 1M calls).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX calls_tenant_from_idx ON calls (tenant_id, from_number, created_at DESC, id DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS calls_tenant_from_idx`.execute(db);
}
