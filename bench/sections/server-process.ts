import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { CLI, REPO_ROOT } from './child-process';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Seconds the itemStats cube took to build after start, or null when the store answers from SQL. */
  statsReady: Promise<number | null>;
  /** Settles when the server has finished warming its query engine (or given the warm-up up). */
  engineWarm: Promise<void>;
  stop: () => Promise<void>;
  /** SIGKILL now, as a crash would end it (expected, so not reported as an unexpected exit). */
  kill: () => void;
}

/** Starts `imr serve` on a loopback port and waits for /readyz. */
export async function startServer(db: string, extraArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--db', db, '--port', String(port), '--no-request-log', ...extraArgs],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  let statsSettled: (seconds: number | null) => void = () => {};
  const statsReady = new Promise<number | null>((resolve) => {
    statsSettled = resolve;
  });
  let engineSettled: () => void = () => {};
  const engineWarm = new Promise<void>((resolve) => {
    engineSettled = resolve;
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (/query engine warmed|query engine warm-up stopped/.test(stderr)) engineSettled();
    const built = /itemStats cube ready in ([\d.]+) s/.exec(stderr);
    if (built) statsSettled(Number(built[1]));
    else if (/itemStats answers from SQL|itemStats cube not built/.test(stderr)) statsSettled(null);
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`[bench] imr serve exited unexpectedly (${code ?? signal}): ${stderr.slice(-3000)}`);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`imr serve exited: ${stderr}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`imr serve did not become ready in 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${base}/graphql`,
    child,
    statsReady,
    engineWarm,
    kill: () => {
      stopping = true;
      child.kill('SIGKILL');
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/**
 * Runs `work` against a fresh `imr serve` once it has finished its start-up work (the stats cube and the
 * query engine's warm-up), as a long-running server would have, and stops the server afterwards. `work` gets
 * the cube's build seconds.
 */
export async function withWarmServer<T>(
  db: string,
  extraArgs: string[],
  work: (server: ServerProcess, cubeSeconds: number | null) => Promise<T>,
): Promise<T> {
  const server = await startServer(db, extraArgs);
  try {
    const cubeSeconds = await server.statsReady;
    // Timing while the warm-up still runs would time the two at once (on PostgreSQL it outlasts the cube).
    await server.engineWarm;
    return await work(server, cubeSeconds);
  } finally {
    await server.stop();
  }
}
