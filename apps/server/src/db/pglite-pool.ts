import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

/**
 * A one-connection "pool" over PGlite for Kysely's PostgresDialect. PGlite is a single session, so a client is
 * handed to one borrower at a time: a transaction's statements never interleave with another request's.
 */
export class PgliteSingleConnectionPool implements PostgresPool {
  #busy = false;
  readonly #waiters: Array<() => void> = [];

  constructor(private readonly pglite: PGlite) {}

  /** Borrowers waiting for the connection (reported as the pool's queue in /metrics). */
  get waiting(): number {
    return this.#waiters.length;
  }

  get busy(): boolean {
    return this.#busy;
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#busy = true;
    let released = false;
    const client = {
      query: async (sqlText: string, parameters: ReadonlyArray<unknown>) => {
        const result = await this.pglite.query(sqlText, [...parameters]);
        return {
          command: commandOf(sqlText),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.#waiters.shift();
        if (next) next();
        else this.#busy = false;
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  /** Runs `work` while holding the connection, so nothing it sends lands inside a borrower's transaction. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await work();
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    await this.pglite.close();
  }
}

function commandOf(sqlText: string): Command {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sqlText)?.[1]?.toUpperCase();
  return (word ?? 'SELECT') as Command;
}
