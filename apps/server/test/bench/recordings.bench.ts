/**
 * Recordings benchmark: `npx vitest run --config apps/server/test/bench/vitest.bench.config.ts
 * apps/server/test/bench/recordings.bench.ts` (part of `npm run bench`).
 *
 * `GET /api/recordings` over a monitor folder of BENCH_RECORDING_FILES (default 2000) files and a calls table of
 * BENCH_RECORDING_CALLS (default 300 000) rows: every file's call is looked up on each request (by recording
 * path, Uniqueid or call id) before the tenant filter and the page. Half the files are named by their call's
 * recording_file, half by its Uniqueid. Reports p50/p99 of 100 requests (after 10 unmeasured), per database.
 * Env: BENCH_DATABASES (`pglite,postgres`).
 */
import { copyFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { it } from 'vitest';
import { synth } from '../helpers/sox-audio.js';
import { createTenantWithKey, startTestApp } from '../helpers/test-app.js';
import { testDatabases } from '../helpers/test-databases.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = (list: string | undefined, name: string) => !list || list.split(',').includes(name);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

it('recordings benchmark', async () => {
  const calls = env('BENCH_RECORDING_CALLS', 300_000);
  const files = env('BENCH_RECORDING_FILES', 2000);
  const rows: string[] = [];
  for (const database of (await testDatabases()).filter((d) => only(process.env.BENCH_DATABASES, d.name))) {
    const db = await database.open();
    const t = await startTestApp(db.handle);
    try {
      const tenant = await createTenantWithKey(t);
      await sql`INSERT INTO calls (id, tenant_id, status, to_number, answer, timeout_seconds, variables, action_id,
          channel_id, other_channel_id, scheduled_at, recording_file, uniqueid)
        SELECT gen_random_uuid(), ${tenant.id}::uuid, 'completed', '+12025550100', '{"type":"dialplan"}'::jsonb, 30,
          '{}'::jsonb, 'r-' || g, 'rch-' || g, 'rch-' || g || '.2', now(),
          CASE WHEN g % 2 = 0 THEN '/var/spool/asterisk/monitor/rec-' || g || '.wav' END, '1772000000.' || g
        FROM generate_series(1, ${calls}) AS g`.execute(db.handle.db);
      await sql`ANALYZE calls`.execute(db.handle.db);
      const monitor = path.join(t.dataDir, 'pbx-sim', 'monitor');
      await fs.mkdir(monitor, { recursive: true });
      const sample = synth(t.dataDir, 'sample.wav', { rate: 8000, channels: 1, seconds: 1, bits: 16 });
      // Calls spread over the table: rec-<even g>.wav by recording_file, <Uniqueid>.wav for odd g.
      const step = Math.max(2, Math.floor(calls / files));
      for (let i = 0; i < files; i++) {
        const g = (i * step) % calls || 2;
        const name = i % 2 === 0 ? `rec-${g - (g % 2)}.wav` : `1772000000.${g | 1}.wav`;
        copyFileSync(sample, path.join(monitor, name));
      }
      const latencies: number[] = [];
      for (let i = 0; i < 110; i++) {
        const sent = performance.now();
        const res = await t.request('GET', '/api/recordings?limit=50', { key: tenant.key });
        if (res.status !== 200 || res.body.items.length !== 50 || res.body.items[0].call === null) {
          throw new Error(`recordings list: ${res.status} ${res.text.slice(0, 300)}`);
        }
        if (i >= 10) latencies.push(performance.now() - sent);
      }
      rows.push(
        `| ${database.name} | ${calls} calls, ${files} files | ${percentile(latencies, 50).toFixed(1)} ms | ${percentile(latencies, 99).toFixed(1)} ms |`,
      );
    } finally {
      await t.close();
      await db.dispose();
    }
  }
  console.log('| database | size | GET /api/recordings p50 | p99 |\n|---|---|---:|---:|\n' + rows.join('\n'));
}, 900_000);
