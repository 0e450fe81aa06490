import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './server-process';

const BARE_SERVER = join(import.meta.dirname, 'bare-http-server.mjs');

export interface BareServer {
  /** Where it answers POSTs, as a GraphQL endpoint would be addressed. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts Node's bare HTTP server (bare-http-server.mjs) in a process of its own and waits until it listens: the
 * query section times its floor, and the timing client warms its own fetch against it. With `answerFile`, it
 * answers every request with that file's bytes (a query's own answer) instead of `{ __typename }`'s.
 */
export async function startBareHttpServer(answerFile?: string): Promise<BareServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [BARE_SERVER, String(port), ...(answerFile ? [answerFile] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`bare-http-server.mjs exited (${code}) before it listened`)));
    child.stdout.once('data', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
