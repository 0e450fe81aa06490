import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchFigure, type BenchSection, median } from '../bench-types';
import { runCliTimed } from './child-process';

function dbBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // absent WAL files are fine
    }
  }
  return total;
}

/** Files on disk → committed rows (FTS included), end to end through `imr ingest`, into a fresh store each run. */
export const ingestSection: BenchSection = {
  name: 'ingest',
  async run(options, shared) {
    if (!shared.corpusDir) throw new Error('the ingest section needs the corpus section first');
    // At most three runs (a full-scale run takes about ten minutes here); one with --runs 1.
    const runs = Math.min(options.runs, 3);
    const rates: number[] = [];
    const rss: number[] = [];
    const cpuPerLetter: number[] = [];
    let bytesPerLetter = Number.NaN;
    const dbPath = join(options.workDir, `ingest-${options.letters}.db`);
    for (let i = 0; i < runs; i++) {
      let target = dbPath;
      if (options.db?.startsWith('postgres')) {
        // A fresh schema per run on PostgreSQL.
        const url = new URL(options.db);
        url.searchParams.set('schema', `bench_${Date.now()}`);
        target = url.toString();
      } else {
        rmSync(dbPath, { force: true });
        rmSync(`${dbPath}-wal`, { force: true });
        rmSync(`${dbPath}-shm`, { force: true });
      }
      options.log(`ingest run ${i + 1}/${runs} into ${target.replace(/\/\/[^@]*@/, '//')}`);
      const run = await runCliTimed(['ingest', shared.corpusDir, '--db', target, '--no-progress']);
      if (run.code !== 0)
        throw new Error(
          `imr ingest failed (${run.code}): ${run.stdout.slice(-1500)} ${run.stderr.slice(-1500)}`,
        );
      rates.push(options.letters / run.seconds);
      rss.push(run.peakRssMb);
      cpuPerLetter.push((run.cpuSeconds * 1000) / options.letters);
      if (!target.startsWith('postgres')) bytesPerLetter = dbBytes(dbPath) / options.letters;
      shared.dbPath = target;
    }
    const figures: BenchFigure[] = [
      {
        section: 'ingest',
        name: `ingest end to end (files → committed rows, FTS), ${options.letters.toLocaleString('en-US')} letters`,
        value: Math.round(median(rates)),
        unit: 'letters/s',
        target: '>= 5000',
        runs: rates.map(Math.round),
      },
      {
        section: 'ingest',
        name: 'ingest CPU per letter, all threads (beside pdf-ingest)',
        value: Number(median(cpuPerLetter).toFixed(2)),
        unit: 'ms',
        runs: cpuPerLetter.map((v) => Number(v.toFixed(2))),
      },
      {
        section: 'ingest',
        name: 'ingest peak RSS',
        value: Math.round(median(rss)),
        unit: 'MB',
        target: '< 1024',
        runs: rss.map(Math.round),
      },
      {
        section: 'ingest',
        name: 'ingest wall time projected to 2,000,000 letters',
        value: Number((2_000_000 / median(rates) / 60).toFixed(1)),
        unit: 'min',
        target: '< 10',
      },
    ];
    if (Number.isFinite(bytesPerLetter)) {
      figures.push({
        section: 'ingest',
        name: 'database size per letter',
        value: Math.round(bytesPerLetter),
        unit: 'bytes',
      });
    }
    return figures;
  },
};
