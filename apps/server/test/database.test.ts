import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrator.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('database on $name', (database) => {
  let opened: OpenedTestDatabase | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('runs the migrations once; a second run applies nothing', async () => {
    opened = await database.open();
    expect(await migrateToLatest(opened.handle)).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`.execute(opened.handle.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['api_keys', 'dids', 'tenants', 'transfer_numbers']),
    );
  });

  it('keeps a transaction to itself while other queries wait', async () => {
    opened = await database.open();
    const { db } = opened.handle;
    await db
      .insertInto('tenants')
      .values({
        name: 'T',
        slug: 't',
        default_country: 'US',
        caller_name: null,
        max_concurrent_calls: null,
        calls_per_second: null,
        originate_channel_template: 'Local/{number}@from-internal',
        answer_destination: null,
        did_rotation: 'round-robin',
        enabled: true,
      })
      .execute();
    const rolledBack = db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('tenants').set({ name: 'inside' }).execute();
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      })
      .catch((err: Error) => err.message);
    const outside = db.selectFrom('tenants').select('name').executeTakeFirstOrThrow();
    expect(await rolledBack).toBe('roll back');
    expect((await outside).name).toBe('T');
    expect((await db.selectFrom('tenants').select('name').executeTakeFirstOrThrow()).name).toBe('T');
  });

  it('reports pool statistics', async () => {
    opened = await database.open();
    await opened.handle.ping();
    const stats = opened.handle.poolStats();
    expect(stats.total).toBeGreaterThanOrEqual(1);
    expect(stats.waiting).toBe(0);
  });
});
