import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type CorpusFormat, type ShardResult, type ShardSpec, writeShard } from './corpus-shard';
import type { LayoutChoice } from './draw-letter';

export interface WriteCorpusOptions {
  out: string;
  count: number;
  seed?: number;
  layout?: LayoutChoice;
  /** `files` (default): a .txt per letter; `jsonl`: a JSON-lines file per shard (see corpus-shard.ts). */
  format?: CorpusFormat;
  /** Letters per sub-folder (default 1,000, so a 2-million-letter corpus has 2,000 listable folders). */
  shardSize?: number;
  /** Worker threads (default: one per core); 0 writes on the calling thread. */
  workers?: number;
  onProgress?: (progress: { written: number; total: number }) => void;
}

export interface CorpusReport {
  out: string;
  letters: number;
  bytes: number;
  seconds: number;
  truthFile: string;
}

/** Written next to the letters so a reader knows how the corpus was made and where its truth is. */
export interface CorpusManifest {
  generator: '@imr/generator';
  seed: number;
  count: number;
  layout: LayoutChoice;
  format: CorpusFormat;
  shardSize: number;
  truth: 'truth.jsonl';
}

type WorkerReply = { ok: true; result: ShardResult } | { ok: false; shard: number; error: string };

function checked(options: WriteCorpusOptions): Required<Omit<WriteCorpusOptions, 'onProgress'>> {
  const { count } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`count must be a whole number >= 0, got ${count}`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed must be an integer in 0..2^32-1, got ${seed}`);
  const shardSize = options.shardSize ?? 1000;
  if (!Number.isInteger(shardSize) || shardSize < 1)
    throw new Error(`shardSize must be a positive integer, got ${shardSize}`);
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0)
    throw new Error(`workers must be a whole number >= 0, got ${workers}`);
  return {
    out: options.out,
    count,
    seed,
    layout: options.layout ?? 'mix',
    format: options.format ?? 'files',
    shardSize,
    workers,
  };
}

/**
 * The code base runs from TypeScript source under tsx, and on Node 20 a worker thread does not inherit the
 * parent's `--import` loader, so the worker first registers tsx's loader and then imports the worker module.
 */
function startWorker(): Worker {
  const workerUrl = new URL(
    import.meta.url.endsWith('.ts') ? './corpus.worker.ts' : './corpus.worker.js',
    import.meta.url,
  );
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl);
  // tsx's ESM entry of its register API (require.resolve would give the CommonJS one, which cannot register here).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** Runs shard specs on worker threads, at most `inFlight` at a time, yielding results in completion order. */
class ShardPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (r: ShardResult) => void; reject: (e: Error) => void }
  >();

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      worker.on('message', (reply: WorkerReply) => {
        const shard = reply.ok ? reply.result.shard : reply.shard;
        const pending = this.waiting.get(shard);
        this.waiting.delete(shard);
        this.idle.push(worker);
        if (pending === undefined) return;
        if (reply.ok) pending.resolve(reply.result);
        else pending.reject(new Error(`shard ${shard}: ${reply.error}`));
      });
      worker.on('error', (error) => {
        for (const pending of this.waiting.values()) pending.reject(error);
        this.waiting.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  get hasIdle(): boolean {
    return this.idle.length > 0;
  }

  run(spec: ShardSpec): Promise<ShardResult> {
    const worker = this.idle.pop();
    if (worker === undefined) throw new Error('ShardPool.run: no idle worker');
    return new Promise((resolve, reject) => {
      this.waiting.set(spec.shard, { resolve, reject });
      worker.postMessage(spec);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Writes `count` generated letters under `out` (`<out>/<shard>/<id>.txt`, `shardSize` per folder), their
 * truth as JSON lines in `<out>/truth.jsonl` (`{file, ...contract fields}`, in index order) and
 * `<out>/corpus.json`. Nothing is held beyond the shards in flight: workers write letters as they make them,
 * and truth lines are appended in order, waiting for the stream to drain.
 */
export async function writeCorpus(options: WriteCorpusOptions): Promise<CorpusReport> {
  const { out, count, seed, layout, format, shardSize, workers } = checked(options);
  const started = performance.now();
  mkdirSync(out, { recursive: true });
  const truthPath = join(out, 'truth.jsonl');
  const truth = createWriteStream(truthPath);
  const shardCount = Math.ceil(count / shardSize);
  const specOf = (shard: number): ShardSpec => ({
    out,
    format,
    seed,
    layout,
    shard,
    start: shard * shardSize,
    end: Math.min(count, (shard + 1) * shardSize),
  });

  let written = 0;
  let bytes = 0;
  const append = async (result: ShardResult): Promise<void> => {
    written += result.letters;
    bytes += result.bytes;
    if (!truth.write(result.truthLines)) await once(truth, 'drain');
    options.onProgress?.({ written, total: count });
  };

  if (workers === 0) {
    for (let shard = 0; shard < shardCount; shard++) await append(writeShard(specOf(shard)));
  } else {
    const pool = new ShardPool(Math.min(workers, Math.max(1, shardCount)));
    try {
      // Shards finish out of order; finished ones wait until every earlier shard is appended, and no more
      // than `maxAhead` shards run or wait at once, so memory stays bounded whatever the disk does.
      const maxAhead = pool.size * 4;
      const running = new Map<number, Promise<ShardResult>>();
      let nextToStart = 0;
      let nextToAppend = 0;
      const launch = (): void => {
        while (nextToStart < shardCount && pool.hasIdle && nextToStart < nextToAppend + maxAhead) {
          const promise = pool.run(specOf(nextToStart));
          running.set(nextToStart, promise);
          nextToStart++;
          // A freed worker takes the next shard at once; failures surface where the shard is awaited.
          promise.then(launch, () => {});
        }
      };
      for (; nextToAppend < shardCount; nextToAppend++) {
        launch();
        const result = await running.get(nextToAppend)!;
        running.delete(nextToAppend);
        await append(result);
      }
    } finally {
      await pool.close();
    }
  }
  truth.end();
  await once(truth, 'finish');
  const manifest: CorpusManifest = {
    generator: '@imr/generator',
    seed,
    count,
    layout,
    format,
    shardSize,
    truth: 'truth.jsonl',
  };
  writeFileSync(join(out, 'corpus.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    out,
    letters: written,
    bytes,
    seconds: (performance.now() - started) / 1000,
    truthFile: truthPath,
  };
}
