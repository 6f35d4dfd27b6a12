import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { MathRandomSource, SystemClock, type Clock, type RandomSource } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { PbxConnector } from '../../src/pbx/pbx-client.js';
import { FakePbxConnector } from './fake-pbx.js';

export interface TestAppOptions {
  /** Extra environment (e.g. `ADMIN_API_KEY: ''` to run without a super-admin key). */
  env?: Record<string, string>;
  pbx?: FakePbxConnector;
  /** A real connector instead of the fake (simulator tests). */
  pbxConnector?: PbxConnector;
  clock?: Clock;
  random?: RandomSource;
}

export interface TestApp {
  app: NestFastifyApplication;
  pbx: FakePbxConnector;
  adminKey: string;
  dataDir: string;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options?: { key?: string | null; body?: unknown },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown>; text: string }>;
  close(): Promise<void>;
}

/** The real app over a test database and a fake PBX, driven with Fastify's inject (no port). */
export async function startTestApp(database: DatabaseHandle, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-test-'));
  const adminKey = `test-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ADMIN_API_KEY: adminKey,
    ...options.env,
  });
  const pbx = options.pbx ?? new FakePbxConnector();
  const app = await createApp(
    {
      config,
      database,
      pbxConnector: options.pbxConnector ?? pbx,
      clock: options.clock ?? new SystemClock(),
      random: options.random ?? new MathRandomSource(),
    },
    pino({ level: 'silent' }),
  );
  return {
    app,
    pbx,
    adminKey,
    dataDir,
    async request(method, url, { key = adminKey, body } = {}) {
      const response = await app.inject({
        method,
        url,
        headers: key === null ? {} : { authorization: `Bearer ${key}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      let parsed: unknown;
      try {
        parsed = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.statusCode, body: parsed, headers: response.headers, text: response.body };
    },
    async close() {
      await app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

let slugCounter = 0;

/** Creates a tenant with the super-admin key and an admin key bound to it. */
export async function createTenantWithKey(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  role: 'admin' | 'operator' | 'viewer' = 'admin',
): Promise<{ id: string; key: string; tenant: any }> {
  const slug = `t-${process.pid}-${++slugCounter}-${randomBytes(3).toString('hex')}`;
  const created = await t.request('POST', '/api/tenants', {
    body: { name: `Tenant ${slug}`, slug, ...overrides },
  });
  if (created.status !== 201) throw new Error(`tenant create failed: ${created.status} ${created.text}`);
  const key = await t.request('POST', `/api/tenants/${created.body.id}/api-keys`, {
    body: { name: 'test', role },
  });
  if (key.status !== 201) throw new Error(`key create failed: ${key.status} ${key.text}`);
  return { id: created.body.id, key: key.body.key, tenant: created.body };
}
