import { defineConfig } from 'vitest/config';

// One root config; each package is a project so `vitest run` covers everything from source, no build step.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'parser', include: ['packages/parser/src/**/*.test.ts'] } },
      { test: { name: 'generator', include: ['packages/generator/src/**/*.test.ts'] } },
      { test: { name: 'server', include: ['packages/server/src/**/*.test.ts'], testTimeout: 30_000 } },
      {
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
      { test: { name: 'e2e', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
