import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { DASHBOARD_DIST } from '../server-root';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Whether `pnpm build` has written the dashboard into `dist`. */
export function isDashboardBuilt(dist = DASHBOARD_DIST): boolean {
  return existsSync(join(dist, 'index.html'));
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
 * GraphQL endpoint included, goes on to Yoga. The page is built by `pnpm build`, never while serving (no Vite at
 * run time); without a build `/` says how to make one.
 */
export function useDashboard(options: { dist?: string } = {}): Plugin {
  const dist = options.dist ?? DASHBOARD_DIST;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname !== '/' && !url.pathname.startsWith('/assets/') && url.pathname !== '/favicon.svg')
        return;
      if (!isDashboardBuilt(dist)) {
        endResponse(
          new fetchAPI.Response(
            `The dashboard is not built (no ${join(dist, 'index.html')}): run \`pnpm build\` (\`pnpm start\` builds it too). GraphiQL is at /graphql.`,
            { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } },
          ),
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
