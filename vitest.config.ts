import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, so tests need no build step and never test a stale
// dist. Node-environment tests go through Vite's SSR resolver, which has its own `conditions`.
const sourceConditions = ['@switchboard/source'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'packages/*/test/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
            'apps/server/src/**/*.spec.ts',
            'apps/web/test/**/*.node.test.ts',
            // Browser tests: Debian's chromium driven by playwright-core against the built server and UI.
            'apps/web/e2e/**/*.e2e.test.ts',
          ],
        },
      },
      // Components and hooks, in jsdom.
      './apps/web/vitest.config.ts',
    ],
  },
});
