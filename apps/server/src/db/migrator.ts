import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { migrations } from './migrations/index.js';

/** Brings the schema up to date; run at every start and by `npm run migrate`. Returns the names applied. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which; another schema's (a parallel test
  // run's) would then hide ours, and the migration fails with "kysely_migration_lock does not exist".
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(handle.db);
  const migrator = new Migrator({
    db: handle.db,
    migrationTableSchema: rows[0]?.schema ?? 'public',
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed} failed: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
