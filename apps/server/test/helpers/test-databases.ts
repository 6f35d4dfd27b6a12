import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A migrated, empty database of its own (PGlite in memory, or a fresh PostgreSQL schema). */
  open(): Promise<OpenedTestDatabase>;
}

export interface OpenedTestDatabase {
  handle: DatabaseHandle;
  databaseUrl: string | undefined;
  schema: string | undefined;
  /** Closes the connection and drops the schema. */
  dispose(): Promise<void>;
}

const POSTGRES_CANDIDATES = ['postgres', 'root'].map((user) => `postgres://${user}@127.0.0.1:5432/test`);

async function findPostgres(): Promise<string | undefined> {
  if (process.env.SWITCHBOARD_TEST_POSTGRES === 'off') return undefined;
  for (const url of POSTGRES_CANDIDATES) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return url;
    } catch {
      // not reachable with this user; try the next one
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return undefined;
}

let cached: Promise<TestDatabase[]> | undefined;

/** PGlite always; PostgreSQL too when 127.0.0.1:5432 answers (trust auth, database `test`). */
export function testDatabases(): Promise<TestDatabase[]> {
  cached ??= (async () => {
    const list: TestDatabase[] = [{ name: 'pglite', open: openPgliteDatabase }];
    const url = await findPostgres();
    if (url) list.push({ name: 'postgres', open: () => openPostgresDatabase(url) });
    else console.warn('PostgreSQL not reachable on 127.0.0.1:5432: database tests run on PGlite only');
    return list;
  })();
  return cached;
}

async function openPgliteDatabase(): Promise<OpenedTestDatabase> {
  const handle = await openDatabase({});
  await migrateToLatest(handle);
  return { handle, databaseUrl: undefined, schema: undefined, dispose: () => handle.close() };
}

async function openPostgresDatabase(url: string): Promise<OpenedTestDatabase> {
  // Parallel runs (and parallel test files) each get their own schema, dropped afterwards.
  const schema = `sb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ databaseUrl: url, schema, poolSize: 5 });
  await migrateToLatest(handle);
  return {
    handle,
    databaseUrl: url,
    schema,
    dispose: async () => {
      await handle.close().catch(() => undefined);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
