import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The dashboard package: its page, sources and vite.config.ts. */
export const DASHBOARD_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Builds the page into `outDir` (a test's or a bench's own folder; `pnpm build` writes dist/). */
export async function buildDashboard(outDir: string): Promise<void> {
  await build({
    root: DASHBOARD_ROOT,
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    build: { outDir, emptyOutDir: true },
  });
}
