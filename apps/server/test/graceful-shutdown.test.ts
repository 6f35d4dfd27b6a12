import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const [pglite] = await testDatabases();

describe('graceful shutdown (PGlite)', () => {
  it('lets an in-flight request finish while the app closes', async () => {
    const db = await pglite!.open();
    const t = await startTestApp(db.handle);
    try {
      await t.app.listen(0, '127.0.0.1');
      const url = await t.app.getUrl();
      // Hold PGlite's only connection, so the request below is in flight (waiting for it) when close starts.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const transaction = db.handle.db.transaction().execute(async () => {
        holding();
        await gate;
      });
      await held;
      const inflight = fetch(`${url}/api/tenants`, { headers: { authorization: `Bearer ${t.adminKey}` } });
      while (db.handle.poolStats().waiting === 0) await new Promise((resolve) => setTimeout(resolve, 5));

      const closing = t.app.close();
      release();
      const res = await inflight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ items: [], nextCursor: null });
      await closing;
      await transaction;
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    } finally {
      await t.close();
      await db.dispose();
    }
  });
});
