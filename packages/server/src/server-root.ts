import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths outside the code, found from this module: it sits one folder below the package both in source
// (src/server-root.ts) and in the build (dist/cli.js or a chunk beside it), so the same relative path holds.

/** packages/server */
export const SERVER_PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The repository's root, which holds test/fixtures/letters (the bundled sample letters). */
export const REPOSITORY_ROOT = join(SERVER_PACKAGE_DIR, '../..');

/** Where `pnpm build` writes the dashboard page the server serves at `/`. */
export const DASHBOARD_DIST = join(SERVER_PACKAGE_DIR, '../dashboard/dist');
