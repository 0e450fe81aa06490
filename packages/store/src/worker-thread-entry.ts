// Where one of this package's worker threads starts. Built, each is a module of its own beside the bundle; from
// TypeScript source (tsx, vitest), `--import tsx` in a worker's execArgv does not take effect on Node 20, so the
// thread starts in worker-thread.boot.mjs, which registers tsx and then imports `entry` (passed in workerData).
// Another package's worker passes its own module's URL as `from`: built, every entry sits in the one dist folder.

export function workerThreadEntry(name: string, from: string = import.meta.url): { url: URL; entry: string } {
  const fromSource = from.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, from);
  return {
    url: fromSource ? new URL('./worker-thread.boot.mjs', import.meta.url) : entry,
    entry: entry.href,
  };
}
