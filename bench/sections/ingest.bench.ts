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

/** What `imr ingest` says on stderr once a bulk load's indexes and full text are built (ingest-files.ts). */
const FINISH_LINE = /indexes and full-text search built in (\d+(?:\.\d+)?) s/;

/** The full scale, where the ingest targets are set. */
const FULL_LETTERS = 2_000_000;

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
    /** Per run, the seconds spent building indexes and full text after the rows (when the CLI says). */
    const finishSeconds: number[] = [];
    const wallSeconds: number[] = [];
    let bytesPerLetter = Number.NaN;
    /** SQLite, per run: bytes written to storage per byte of the finished store, and GB read from storage. */
    const writtenPerStoreByte: number[] = [];
    const readGb: number[] = [];
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
      wallSeconds.push(run.seconds);
      const finish = FINISH_LINE.exec(run.stderr);
      if (finish) finishSeconds.push(Number(finish[1]));
      rss.push(run.peakRssMb);
      cpuPerLetter.push((run.cpuSeconds * 1000) / options.letters);
      if (!target.startsWith('postgres')) {
        const storeBytes = dbBytes(dbPath);
        bytesPerLetter = storeBytes / options.letters;
        writtenPerStoreByte.push(run.storageWrittenBytes / storeBytes);
        readGb.push(run.storageReadBytes / 1e9);
      }
      shared.dbPath = target;
    }
    // The 2M-letter targets (under 10 minutes, under 1 GiB) are scored only when measured at 2M: a quick run's
    // figures do not say how the full run goes (a linear projection of a quick run said "met" where the full run
    // said no), so at a smaller scale the wall time is given as a projection, with no target.
    const atFullSize = options.letters >= FULL_LETTERS;
    const wallMinutes = options.letters / median(rates) / 60;
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
        name: `ingest peak RSS, ${options.letters.toLocaleString('en-US')} letters`,
        value: Math.round(median(rss)),
        unit: 'MB',
        ...(atFullSize ? { target: '< 1024' } : {}),
        runs: rss.map(Math.round),
      },
      {
        section: 'ingest',
        name: `ingest wall time, ${options.letters.toLocaleString('en-US')} letters (measured)`,
        value: Number(wallMinutes.toFixed(1)),
        unit: 'min',
        ...(atFullSize ? { target: '< 10' } : {}),
      },
    ];
    if (finishSeconds.length === wallSeconds.length && finishSeconds.length > 0) {
      // Where the time goes: the rows (read, parse, write) and the bulk load's finish after them.
      figures.push(
        {
          section: 'ingest',
          name: 'of which: rows loaded (files → committed rows, before indexes and full text)',
          value: Number(median(wallSeconds.map((w, i) => w - (finishSeconds[i] ?? 0))).toFixed(1)),
          unit: 's',
        },
        {
          section: 'ingest',
          name: 'of which: indexes and full-text search built after the rows',
          value: Number(median(finishSeconds).toFixed(1)),
          unit: 's',
        },
      );
    }
    if (!atFullSize) {
      figures.push({
        section: 'ingest',
        name: `ingest wall time at ${FULL_LETTERS.toLocaleString('en-US')} letters: PROJECTION (linear from ${options.letters.toLocaleString('en-US')}, not measured, not scored)`,
        value: Number((FULL_LETTERS / median(rates) / 60).toFixed(1)),
        unit: 'min',
      });
    }
    if (Number.isFinite(bytesPerLetter)) {
      figures.push({
        section: 'ingest',
        name: 'database size per letter',
        value: Math.round(bytesPerLetter),
        unit: 'bytes',
      });
    }
    if (writtenPerStoreByte.length > 0 && writtenPerStoreByte.every(Number.isFinite)) {
      // Where a large run's I/O goes: at 2M letters the store (20 GB) and the corpus (11.5 GB) no longer fit the
      // page cache together, so what the ingest writes beyond the store, and the corpus it reads back from the
      // device, are time the rows phase spends in the kernel or waiting.
      figures.push(
        {
          section: 'ingest',
          name: 'bytes written to storage per byte of the finished store (rewritten pages, rollback journal, sort and full-text scratch files)',
          value: Number(median(writtenPerStoreByte).toFixed(2)),
          unit: '×',
          runs: writtenPerStoreByte.map((v) => Number(v.toFixed(2))),
        },
        {
          section: 'ingest',
          name: 'read from storage during the ingest (letters and store pages the page cache no longer held)',
          value: Number(median(readGb).toFixed(1)),
          unit: 'GB',
          runs: readGb.map((v) => Number(v.toFixed(1))),
        },
      );
    }
    return figures;
  },
};
