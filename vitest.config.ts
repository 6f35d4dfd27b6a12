import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, so tests need no build step and never test a stale
// dist. Node-environment tests go through Vite's SSR resolver, which has its own `conditions`.
const sourceConditions = ['@switchboard/source'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'apps/*/src/**/*.spec.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
