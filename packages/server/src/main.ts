import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finishInterruptedBulkLoadAt } from '@imr/ingest/bulk-load';
import { isPostgresTarget, openStore, redactTarget, type Store } from '@imr/store/client';
import { type BuildAppOptions, buildApp } from './yoga';

// Listens; nothing else. yoga.ts builds the app, the CLI commands (serve, start) choose the store and port.

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  /** SQLite file or postgres:// URL. */
  target: string;
  port: number;
  host: string;
  /** Production mode, limits, caching and logging for the app (see BuildAppOptions). */
  app?: Omit<BuildAppOptions, 'db' | 'dialect'>;
}

export interface RunningServer {
  server: Server;
  store: Store;
  /** The GraphiQL / GraphQL endpoint. */
  url: string;
  close: () => Promise<void>;
}

/** Opens the store read-only and serves the API until closed. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  if (!isPostgresTarget(options.target) && !existsSync(options.target)) {
    throw new Error(
      `no store at ${options.target}: create it with \`pnpm imr ingest <letters> --db ${options.target}\` (or run \`pnpm start\`)`,
    );
  }
  if (!isPostgresTarget(options.target)) {
    await finishInterruptedBulkLoadAt(options.target, (message) => console.error(message));
  }
  const store = await openStore(options.target, { readonly: true });
  const yoga = buildApp({ ...options.app, db: store.db, dialect: store.dialect });
  const server = createServer(yoga);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(`port ${options.port} is in use: pick another with --port or PORT`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${shownHost}:${port}${yoga.graphqlEndpoint}`;
  return {
    server,
    store,
    url,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.close();
    },
  };
}

/** A readable line for logs: where the store is and where to point a browser. */
export function describeServer(running: RunningServer, target: string): string {
  return `IMR API serving ${redactTarget(target)}\n  GraphiQL: ${running.url}`;
}
