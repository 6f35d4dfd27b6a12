import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSoundsApp } from './helpers/sounds-app.js';
import { createTenantWithKey, type TestApp } from './helpers/test-app.js';
import { testDatabases, type OpenedTestDatabase } from './helpers/test-databases.js';

const databases = await testDatabases();

describe.each(databases)('sound upload limits on $name', (database) => {
  let db: OpenedTestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    // SOUNDS_MAX_UPLOAD_MB=2, SOUNDS_MAX_DURATION_SECONDS=5
    ({ db, t } = await openSoundsApp(database));
  });
  afterAll(async () => {
    await t.close();
    await db.dispose();
  });

  it('tells any role the configured limits and the accepted formats', async () => {
    const expected = {
      maxUploadBytes: 2 * 1024 * 1024,
      maxDurationSeconds: 5,
      maxFilesPerUpload: 20,
      formats: ['wav', 'mp3', 'ogg', 'flac', 'gsm', 'ulaw', 'alaw'],
      rawFormats: ['gsm', 'ulaw', 'alaw'],
    };
    const viewer = await createTenantWithKey(t, {}, 'viewer');
    for (const key of [viewer.key, t.adminKey]) {
      const answer = await t.request('GET', '/api/sounds/limits', { key });
      expect(answer).toMatchObject({ status: 200, body: expected });
    }
  });

  it('needs a key', async () => {
    const answer = await t.request('GET', '/api/sounds/limits', { key: null });
    expect(answer.status).toBe(401);
  });
});
