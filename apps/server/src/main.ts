import fs from 'node:fs';
import path from 'node:path';
import { createApp } from './app.factory.js';
import { MathRandomSource, SystemClock } from './common/clock.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { createLogger } from './logging/logger.js';
import { createPbxConnector } from './pbx/create-pbx-connector.js';
import { installShutdown } from './shutdown.js';
import { FirstStartService } from './tenants/first-start.service.js';

async function main(): Promise<void> {
  // A .env in the working directory fills in variables the environment does not already set.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  });
  const applied = await migrateToLatest(database);
  logger.info(
    { database: database.kind, applied },
    database.kind === 'pglite'
      ? `Database: embedded PGlite in ${path.join(config.dataDir, 'pglite')}`
      : 'Database: PostgreSQL (DATABASE_URL)',
  );
  const app = await createApp(
    {
      config,
      database,
      pbxConnector: createPbxConnector(config),
      clock: new SystemClock(),
      random: new MathRandomSource(),
    },
    logger,
  );
  installShutdown(app, database, logger);
  await app.get(FirstStartService).run();
  await app.listen({ port: config.port, host: config.host });
  logger.info(`Switchboard listening on http://${config.host}:${config.port} (API docs at /api/docs)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
