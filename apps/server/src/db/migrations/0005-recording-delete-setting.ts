import { sql, type Kysely } from 'kysely';

/** Issue 6: recordings may be deleted by admin keys, or by operator keys when their tenant allows it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tenants
    ADD COLUMN operators_may_delete_recordings boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tenants DROP COLUMN IF EXISTS operators_may_delete_recordings`.execute(db);
}
