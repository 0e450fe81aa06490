import { createRequire } from 'node:module';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// One root config; each package is a project so `vitest run` covers everything from source, no build step.
export default defineConfig({
  // graphql 16 has no "exports" map: Node (tsx, production) loads its CommonJS build everywhere, but Vite would
  // give ESM importers index.mjs while CommonJS dependencies (graphql-armor) get index.js — two graphql realms.
  // Resolve to the one Node uses.
  // The workspace's own packages resolve to their sources (the "@imr/source" export condition), not a dist/.
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: ['packages/server'] }) }],
    conditions: ['@imr/source', ...defaultClientConditions],
  },
  ssr: { resolve: { conditions: ['@imr/source', ...defaultServerConditions] } },
  test: {
    projects: [
      { extends: true, test: { name: 'parser', include: ['packages/parser/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'generator', include: ['packages/generator/src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'store', include: ['packages/store/src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'analytics', include: ['packages/analytics/src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'ingest', include: ['packages/ingest/src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'server', include: ['packages/server/src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'sdk',
          include: ['packages/sdk/src/**/*.test.ts'],
          testTimeout: 30_000,
          typecheck: {
            enabled: true,
            include: ['packages/sdk/src/**/*.test-d.ts'],
            tsconfig: './packages/sdk/tsconfig.json',
          },
        },
      },
      { extends: true, test: { name: 'bench', include: ['bench/**/*.test.ts'] } },
      { extends: true, test: { name: 'notebooks', include: ['notebooks/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
