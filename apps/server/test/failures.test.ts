import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('database gone on $name', (database) => {
  it('answers 503 database-unavailable, and readiness says the database is down', async () => {
    const db = await database.open();
    const t = await startTestApp(db.handle);
    try {
      expect((await t.request('GET', '/api/tenants')).status).toBe(200);
      await db.handle.close();
      const res = await t.request('GET', '/api/tenants');
      expect(res).toMatchObject({ status: 503, body: { error: 'database-unavailable' } });
      const ready = await t.request('GET', '/api/health/ready', { key: null });
      expect(ready.status).toBe(503);
      expect(ready.body.database).toMatchObject({ ok: false });
      expect((await t.request('GET', '/api/health', { key: null })).status).toBe(200);
    } finally {
      await t.close();
      await db.dispose().catch(() => undefined);
    }
  });
});
