import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** The dashboard package (packages/dashboard): its Vite sources and its build output. */
export const DASHBOARD_ROOT = fileURLToPath(new URL('../../../dashboard', import.meta.url));
export const DASHBOARD_DIST = join(DASHBOARD_ROOT, 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

let building: Promise<void> | null = null;

/**
 * Builds the dashboard with Vite when its dist/ is missing (a fresh clone: dist is git-ignored), once per
 * process. It builds beside dist and renames into place, so a concurrent server never serves half a build.
 */
export function ensureDashboardBuilt(root = DASHBOARD_ROOT): Promise<void> {
  const dist = join(root, 'dist');
  if (existsSync(join(dist, 'index.html'))) return Promise.resolve();
  building ??= (async () => {
    const partial = join(root, `dist.partial-${process.pid}`);
    rmSync(partial, { recursive: true, force: true });
    const { build } = await import('vite');
    await build({ root, configFile: false, logLevel: 'warn', build: { outDir: partial, emptyOutDir: true } });
    if (existsSync(join(dist, 'index.html'))) rmSync(partial, { recursive: true, force: true });
    else {
      rmSync(dist, { recursive: true, force: true });
      renameSync(partial, dist);
    }
  })().finally(() => {
    building = null;
  });
  return building;
}

/** The file under dist/ a path names, or null when it names none (or tries to leave dist/). */
function fileFor(dist: string, pathname: string): string | null {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(dist, relative));
  if (!file.startsWith(dist + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves the built dashboard: `/` is its page, `/assets/*` its hashed (immutable) files. Everything else, the
 * GraphQL endpoint included, goes on to Yoga. A missing build is made on the first request for the page.
 */
export function useDashboard(options: { root?: string } = {}): Plugin {
  const root = options.root ?? DASHBOARD_ROOT;
  const dist = join(root, 'dist');
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname !== '/' && !url.pathname.startsWith('/assets/')) return;
      try {
        await ensureDashboardBuilt(root);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        endResponse(
          new fetchAPI.Response(`The dashboard could not be built (${root}): ${reason}`, {
            status: 500,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
        return;
      }
      const file = fileFor(dist, url.pathname);
      if (!file) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      const immutable = url.pathname.startsWith('/assets/');
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : readFileSync(file), {
          headers: {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
        }),
      );
    },
  };
}
