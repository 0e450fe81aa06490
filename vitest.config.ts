import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
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
    // Most of the suite's time is spent waiting on the processes its tests start (servers, ingests, Chromium,
    // notebooks), so two files at once keep a 2-core machine busy. Vitest's default (cores - 1) ran them one at a
    // time there: 462-519 s of a fresh-clone CI run against 371 s with two (2026-12-06, AMD EPYC, 2 cores).
    // Two at once failed on PostgreSQL before, where each file's stores are schemas of one database: they shared
    // the letter-write lock and Kysely's migration lock, and Kysely's introspection of the whole database failed
    // when another file dropped its schema meanwhile. All three are each store's own now (store-schema-dialect.ts).
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
