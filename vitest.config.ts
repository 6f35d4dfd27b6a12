import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources, so tests need no build step.
    conditions: ['@switchboard/source'],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'apps/*/src/**/*.spec.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
