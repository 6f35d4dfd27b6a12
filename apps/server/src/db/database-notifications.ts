import { Injectable, Logger } from '@nestjs/common';
import pg from 'pg';
import { DatabaseHandle, type ListenTarget } from './database.js';

export interface NotificationHandlers {
  /** A notification's payload. */
  notification(payload: string): void;
  /** LISTEN is in place (at first and after every reconnect): notifications committed from now on arrive. */
  listening(): void;
  /** The connection was lost or could not be made: notifications are missed until `listening` again. */
  lost(reason: string): void;
}

export interface ListenOptions {
  /** Names the PostgreSQL connection (`application_name`, seen in pg_stat_activity). */
  name: string;
  /** First wait before reconnecting (ms); doubled after each failed attempt, up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often the idle connection is checked with a query (ms): a connection dropped silently is noticed. */
  pingMs?: number;
}

export interface Listening {
  /** Stops listening; resolves once the connection is closed and no timer is left. */
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * LISTEN on one channel of the database. PostgreSQL: a connection of its own (a pool's connections come and
 * go, and a notification only reaches the session that listens), reconnected with backoff; PGlite: its one
 * session, which delivers the notifications of every statement it runs.
 */
@Injectable()
export class DatabaseNotifications {
  constructor(private readonly database: DatabaseHandle) {}

  listen(channel: string, handlers: NotificationHandlers, options: ListenOptions): Listening {
    if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
    const target = this.database.listenTarget;
    if (target.kind === 'pglite') return listenInPglite(target, channel, handlers);
    const listener = new PostgresListener(target.connection, channel, handlers, options);
    listener.connect();
    return listener;
  }
}

function listenInPglite(
  target: Extract<ListenTarget, { kind: 'pglite' }>,
  channel: string,
  handlers: NotificationHandlers,
): Listening {
  let closed = false;
  const unlisten = target
    .listen(channel, (payload) => {
      if (!closed) handlers.notification(payload);
    })
    .then(
      (stop) => {
        if (!closed) handlers.listening();
        return stop;
      },
      (err: Error) => {
        handlers.lost(err.message);
        return undefined;
      },
    );
  return {
    async close() {
      closed = true;
      const stop = await unlisten;
      // A closed PGlite refuses UNLISTEN; it listens no more anyway.
      await stop?.().catch(() => undefined);
    },
  };
}

/** One dedicated connection at a time; after a loss, a new one after 100 ms, 200 ms, ... up to 10 s. */
class PostgresListener implements Listening {
  private readonly logger = new Logger('Database');
  private client: pg.Client | undefined;
  private ping: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
    private readonly options: ListenOptions,
  ) {}

  connect(): void {
    this.retry = undefined;
    const client = new pg.Client({
      ...this.connection,
      application_name: this.options.name,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (client === this.client && message.channel === this.channel && message.payload !== undefined) {
        this.handlers.notification(message.payload);
      }
    });
    // Both can come for one loss; `drop` acts on the first. An 'error' without a listener would crash.
    client.on('error', (err) => this.drop(client, err.message));
    client.on('end', () => this.drop(client, 'connection ended'));
    client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .then(() => {
        if (client !== this.client) return;
        this.failures = 0;
        this.logger.log(`LISTEN ${this.channel}: connected as "${this.options.name}"`);
        this.ping = setInterval(() => {
          client.query('SELECT 1').catch((err: Error) => this.drop(client, `ping failed: ${err.message}`));
        }, this.options.pingMs ?? 30_000);
        this.ping.unref();
        this.handlers.listening();
      })
      .catch((err: Error) => this.drop(client, err.message));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    clearInterval(this.ping);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private drop(client: pg.Client, reason: string): void {
    if (client !== this.client) return;
    this.client = undefined;
    clearInterval(this.ping);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = Math.min(
      (this.options.retryMs ?? 100) * 2 ** this.failures,
      this.options.maxRetryMs ?? 10_000,
    );
    this.failures++;
    this.logger.warn(`LISTEN ${this.channel}: ${reason}; reconnecting in ${delay} ms`);
    this.handlers.lost(reason);
    this.retry = setTimeout(() => this.connect(), delay);
    this.retry.unref();
  }
}
