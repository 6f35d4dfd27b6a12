import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DatabaseHandle } from './db/database.js';

/** Longest wait for in-flight requests and connections to finish before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (Fastify's close), close the AMI
 * clients (PbxService's shutdown hook), then the database; exit non-zero if it takes too long.
 */
export function installShutdown(app: INestApplication, database: DatabaseHandle, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    const timer = setTimeout(() => {
      logger.error('Shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    app
      .close()
      .then(() => database.close())
      .then(() => {
        logger.info('Stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
