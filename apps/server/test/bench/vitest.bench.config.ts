import { defineConfig } from 'vitest/config';
import base from '../../../../vitest.config.js';

/** The benchmarks run through Vitest for its TypeScript transform (decorator metadata for NestJS). */
export default defineConfig({
  resolve: base.resolve,
  ssr: base.ssr,
  test: { include: ['apps/server/test/bench/*.bench.ts'], testTimeout: 900_000, hookTimeout: 900_000 },
});
