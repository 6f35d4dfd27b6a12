import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { build } from 'vite';
import { createApp } from '../../../server/src/app.factory.js';
import { MathRandomSource, SystemClock } from '../../../server/src/common/clock.js';
import { loadConfig } from '../../../server/src/config/load-config.js';
import { openDatabase } from '../../../server/src/db/database.js';
import { migrateToLatest } from '../../../server/src/db/migrator.js';
import { createPbxConnector } from '../../../server/src/pbx/create-pbx-connector.js';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface UiServer {
  baseUrl: string;
  /** The super-admin key (spans every tenant). */
  adminKey: string;
  /** A tenant made for the test, and an admin key bound to it (what a customer's admin signs in with). */
  tenant: { id: string; name: string; key: string };
  dataDir: string;
  /** Calls the API with a key (the tenant's by default). */
  api(method: string, url: string, body?: unknown, key?: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

let builtUi: Promise<string> | undefined;

/** Builds the UI once per test worker, into a temporary folder, so a test never sees a stale apps/web/dist. */
function buildUi(): Promise<string> {
  builtUi ??= (async () => {
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-ui-'));
    await build({
      root: webRoot,
      configFile: path.join(webRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir },
    });
    return outDir;
  })();
  return builtUi;
}

/**
 * The real server, as `npm start` runs it (simulated PBX, fresh embedded database), serving the freshly built UI
 * on a free loopback port. The simulator runs 4x faster so a call's ringing/answered/completed takes seconds.
 */
export async function startUiServer(
  options: { tenantName?: string; simSpeed?: number } = {},
): Promise<UiServer> {
  const webDistDir = await buildUi();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-e2e-'));
  const adminKey = `e2e-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ADMIN_API_KEY: adminKey,
    WEB_DIST_DIR: webDistDir,
    PBX_SIM_SPEED: String(options.simSpeed ?? 4),
  });
  const database = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(dataDir, 'pglite') });
  await migrateToLatest(database);
  const app = await createApp(
    {
      config,
      database,
      pbxConnector: createPbxConnector(config),
      clock: new SystemClock(),
      random: new MathRandomSource(),
    },
    pino({ level: 'silent' }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  async function api(method: string, url: string, body?: unknown, key?: string) {
    const response = await fetch(baseUrl + url, {
      method,
      headers: {
        authorization: `Bearer ${key ?? tenant.key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  const tenant = { id: '', name: options.tenantName ?? 'Acme Outbound', key: adminKey };
  const created = await api('POST', '/api/tenants', { name: tenant.name, slug: 'acme' }, adminKey);
  if (created.status !== 201)
    throw new Error(`tenant create failed: ${created.status} ${JSON.stringify(created.body)}`);
  tenant.id = (created.body as { id: string }).id;
  const key = await api(
    'POST',
    `/api/tenants/${tenant.id}/api-keys`,
    { name: 'e2e admin', role: 'admin' },
    adminKey,
  );
  if (key.status !== 201) throw new Error(`key create failed: ${key.status} ${JSON.stringify(key.body)}`);
  tenant.key = (key.body as { key: string }).key;

  return {
    baseUrl,
    adminKey,
    tenant,
    dataDir,
    api,
    async close() {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
