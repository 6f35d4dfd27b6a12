import { describe, expect, it } from 'vitest';
import { FakePbxConnector } from './helpers/fake-pbx.js';
import { startTestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const [pglite] = await testDatabases();

describe('graceful shutdown (PGlite)', () => {
  it('lets an in-flight request finish while the app closes', async () => {
    const db = await pglite!.open();
    // No PBX ready: the call dispatcher then does not look for due calls every 100 ms, so the one borrower that
    // waits for the connection below is the request (a dispatcher tick counted as it let close start too early).
    const t = await startTestApp(db.handle, {
      pbx: new FakePbxConnector([{ name: 'main', connectTo: 'reconnecting' }]),
    });
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
