import { defaultClientConditions, defineConfig } from 'vite';

// `pnpm build` writes the page to dist/, which the server serves at `/`; tests and the bench build into a
// folder of their own (build-dashboard.ts). The SDK is bundled from its sources (its "@imr/source" condition).
export default defineConfig({
  resolve: { conditions: ['@imr/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
