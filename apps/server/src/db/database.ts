import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.types.js';
import { PgliteSingleConnectionPool } from './pglite-pool.js';

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `undefined` keeps PGlite in memory (tests). */
  pgliteDir?: string | undefined;
  /** PostgreSQL schema to work in (tests isolate each run in its own); created if missing. */
  schema?: string | undefined;
  /** Maximum PostgreSQL connections. Default 10. */
  poolSize?: number;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * Where LISTEN runs: PostgreSQL needs a connection of its own (the settings to open it); PGlite is one session,
 * listened on between the pool's borrowers (so LISTEN never lands inside a borrower's transaction).
 */
export type ListenTarget =
  | { kind: 'postgres'; connection: pg.ClientConfig }
  | {
      kind: 'pglite';
      listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
    };

/** The open database: Kysely plus what health, metrics and notifications need to know about it. */
export class DatabaseHandle {
  constructor(
    readonly db: Kysely<Database>,
    readonly kind: 'pglite' | 'postgres',
    private readonly stats: () => PoolStats,
    readonly listenTarget: ListenTarget,
  ) {}

  poolStats(): PoolStats {
    return this.stats();
  }

  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`invalid schema name: ${options.schema}`);
  }
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new DatabaseHandle(
    db,
    'postgres',
    () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    { kind: 'postgres', connection: { connectionString: url } },
  );
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.pgliteDir) await fs.mkdir(path.dirname(options.pgliteDir), { recursive: true });
  const pglite = await PGlite.create(options.pgliteDir);
  if (options.schema) {
    await pglite.exec(
      `CREATE SCHEMA IF NOT EXISTS "${options.schema}"; SET search_path TO "${options.schema}"`,
    );
  }
  const pool = new PgliteSingleConnectionPool(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new DatabaseHandle(
    db,
    'pglite',
    () => ({ total: 1, idle: pool.busy ? 0 : 1, waiting: pool.waiting }),
    {
      kind: 'pglite',
      listen: (channel, onPayload) =>
        pool.exclusive(async () => {
          const unlisten = await pglite.listen(channel, onPayload);
          return () => pool.exclusive(() => unlisten());
        }),
    },
  );
}
