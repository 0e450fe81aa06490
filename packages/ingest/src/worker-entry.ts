// Where one of this package's worker threads starts. Built, each is a module of its own beside the bundle; from
// TypeScript source (tsx, vitest), `--import tsx` in a worker's execArgv does not take effect on Node 20, so the
// thread starts in parse-worker.boot.mjs, which registers tsx and then imports `entry` (passed in workerData).

export function ingestWorkerEntry(name: 'parse-worker' | 'read-ahead-worker'): { url: URL; entry: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  return { url: fromSource ? new URL('./parse-worker.boot.mjs', import.meta.url) : entry, entry: entry.href };
}
