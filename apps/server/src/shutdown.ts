import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DatabaseHandle } from './db/database.js';

/** Longest wait for in-flight requests and connections to finish before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** The bits of `process` shutdown uses; tests pass their own. */
export interface ShutdownHost {
  once(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (Fastify's close), close the AMI
 * clients (PbxService's shutdown hook), then the database; exit 1 if that fails or takes too long.
 */
export function installShutdown(
  app: Pick<INestApplication, 'close'>,
  database: Pick<DatabaseHandle, 'close'>,
  logger: Pick<Logger, 'info' | 'error'>,
  host: ShutdownHost = process,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    const timer = setTimeout(() => {
      logger.error('Shutdown timed out; exiting');
      host.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    app
      .close()
      .then(() => database.close())
      .then(() => {
        clearTimeout(timer);
        logger.info('Stopped');
        host.exit(0);
      })
      .catch((err: unknown) => {
        clearTimeout(timer);
        logger.error({ err }, 'Shutdown failed');
        host.exit(1);
      });
  };
  host.once('SIGTERM', stop);
  host.once('SIGINT', stop);
}
