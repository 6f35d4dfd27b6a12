import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { multipartBody, type MultipartPart } from './multipart.js';
import { synth } from './sox-audio.js';
import { startTestApp, type TestApp } from './test-app.js';
import type { OpenedTestDatabase, TestDatabase } from './test-databases.js';

export const FORMATS = ['alaw', 'gsm', 'sln16', 'ulaw', 'wav'];

export interface SoundsApp {
  db: OpenedTestDatabase;
  t: TestApp;
  /** Where test audio is generated. */
  audio: string;
  /** ASTERISK_SOUNDS_DIR (the simulator's `custom` folder). */
  soundsDir: string;
  uploadsDir: string;
}

/** An app over its own database with small sound limits: 5 s, 2 MB. */
export async function openSoundsApp(database: TestDatabase): Promise<SoundsApp> {
  const db = await database.open();
  const t = await startTestApp(db.handle, {
    env: { SOUNDS_MAX_DURATION_SECONDS: '5', SOUNDS_MAX_UPLOAD_MB: '2' },
  });
  const audio = path.join(t.dataDir, 'audio');
  await fs.mkdir(audio);
  return {
    db,
    t,
    audio,
    soundsDir: path.join(t.dataDir, 'pbx-sim', 'sounds', 'custom'),
    uploadsDir: path.join(t.dataDir, 'uploads'),
  };
}

/**
 * Call in a describe block: opens the app before its tests and closes it after. The fields are set once
 * `beforeAll` has run, so read them inside tests.
 */
export function useSoundsApp(database: TestDatabase): SoundsApp {
  const app = {} as SoundsApp;
  beforeAll(async () => {
    Object.assign(app, await openSoundsApp(database));
  });
  afterAll(async () => {
    await app.t?.close();
    await app.db?.dispose();
  });
  return app;
}

export async function uploadSounds(
  t: TestApp,
  key: string,
  parts: MultipartPart[],
  query = '?wait=true',
  url = '/api/sounds',
): Promise<{ status: number; body: any }> {
  const { payload, headers } = multipartBody(parts);
  const response = await t.app.inject({
    method: 'POST',
    url: `${url}${query}`,
    headers: { ...headers, authorization: `Bearer ${key}` },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

export const filePart = (filename: string, data: Buffer): MultipartPart => ({ name: 'file', filename, data });

export const toneData = (dir: string, name: string, options: Parameters<typeof synth>[2] = {}) =>
  readFileSync(synth(dir, name, options));

export const ls = async (dir: string) => (await fs.readdir(dir).catch(() => [] as string[])).sort();
