import { spawn } from 'node:child_process';
import { constants } from 'node:os';

// A server allocates its rows, GraphQL results and JSON per request, all short-lived. With V8's default young
// generation (16 MB semi-spaces) the scavenger runs every few dozen requests and took a quarter of the main
// thread on a nested page; with 64 MB it runs a quarter as often. Measured at 100k letters, interleaved A/B:
// uncached dashboard mix 649 → 791 req/s, nested page of 100 cases p50 26 → 16 ms. V8 fixes the size when it
// starts (v8.setFlagsFromString afterwards changes nothing), so `serve` and `start` run the server in a Node
// started with it, unless the flag is already given (node's options or NODE_OPTIONS).

const FLAG = '--max-semi-space-size';
const SEMI_SPACE_MB = 64;
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether this Node was started with a semi-space size of its own (ours, or the user's). */
export function hasSemiSpaceSize(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return execArgv.some((arg) => arg.startsWith(FLAG)) || (nodeOptions ?? '').includes(FLAG);
}

/** Set in the server process this module starts: its parent is the `imr` a supervisor knows. */
const RELAUNCHED = 'IMR_SERVING_HEAP_CHILD';

/**
 * Runs this command again in a Node with the serving young generation, passing signals on and exiting as it
 * does. Returns false when this Node already has a semi-space size: then the caller serves (and, when it is the
 * server this function started, ends with its parent).
 */
export function relaunchWithServingHeap(): boolean {
  if (hasSemiSpaceSize(process.execArgv, process.env.NODE_OPTIONS)) {
    endWithParent();
    return false;
  }
  const script = process.argv[1];
  if (script === undefined) return false;
  // The IPC channel is only a lifeline: it closes when this process dies, however it dies.
  const child = spawn(
    process.execPath,
    [...process.execArgv, `${FLAG}=${SEMI_SPACE_MB}`, script, ...process.argv.slice(2)],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [RELAUNCHED]: '1' } },
  );
  for (const signal of FORWARDED_SIGNALS) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.once('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1));
  });
  child.once('error', (error) => {
    console.error(`imr: cannot start the server process: ${error.message}`);
    process.exit(1);
  });
  return true;
}

/**
 * In the server started above: a parent killed outright (SIGKILL, the OOM killer) passes no signal on, and the
 * server would go on serving, orphaned, holding its port. Its channel to the parent closes then: end as abruptly.
 */
function endWithParent(): void {
  if (process.env[RELAUNCHED] !== '1' || !process.channel) return;
  delete process.env[RELAUNCHED];
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
