import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REAL_CORPUS_DIR, realCorpus } from '../../test/real-corpus';
import { type BenchFigure, type BenchSection, median } from '../bench-types';
import { runCliTimed, type TimedRun } from './child-process';

// The real PDF letters (../shared) through `imr ingest`, end to end: PDFium extraction in the parse workers, parse,
// write. There are 160 of them, so they are repeated under new names (hard links) to make a run long enough to
// measure; a repeat is the same case, so it is extracted and parsed in full and then found already present, and
// only the first copy of each is written. The machine may be shared: wall time is what this run got, CPU time
// (all threads, from /usr/bin/time) is what the work cost, and the start-up of the command (loading it, its
// workers and PDFium, opening the store) is measured alone, on one letter, and taken out of the per-letter figure.

const COPIES = { quick: 10, full: 20 } as const;

function corpusOf(files: readonly string[], dir: string, copies: number): number {
  if (existsSync(dir) && readdirSync(dir).length === files.length * copies) return files.length * copies;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const target = join(dir, `copy${copy}-${basename(file)}`);
      try {
        linkSync(file, target);
      } catch {
        copyFileSync(file, target); // another device, or links not allowed
      }
    }
  }
  return files.length * copies;
}

async function ingestInto(dir: string, dbPath: string): Promise<TimedRun> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const run = await runCliTimed(['ingest', dir, '--db', dbPath, '--no-progress']);
  if (run.code !== 0) {
    throw new Error(`imr ingest failed (${run.code}): ${run.stdout.slice(-1500)} ${run.stderr.slice(-1500)}`);
  }
  return run;
}

export const pdfIngestSection: BenchSection = {
  name: 'pdf-ingest',
  async run(options) {
    const real = realCorpus();
    if (!real.present) {
      options.log(`pdf-ingest skipped: ${real.reason}`);
      return [];
    }
    const files = real.files.map((name) => join(REAL_CORPUS_DIR, name));
    const copies = COPIES[options.scale];
    const corpus = join(options.workDir, `real-pdf-x${copies}`);
    const letters = corpusOf(files, corpus, copies);
    const single = join(options.workDir, 'real-pdf-one');
    corpusOf(files.slice(0, 1), single, 1);
    const dbPath = join(options.workDir, 'pdf-ingest.db');
    const runs = Math.min(options.runs, 3);

    options.log(`pdf-ingest: start-up cost (one letter)`);
    const startup = await ingestInto(single, dbPath);
    const rates: number[] = [];
    const cpuPerLetter: number[] = [];
    const steadyCpuPerLetter: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      options.log(`pdf-ingest run ${i + 1}/${runs}: ${letters} real PDF letters (${copies} copies of each)`);
      const run = await ingestInto(corpus, dbPath);
      rates.push(letters / run.seconds);
      cpuPerLetter.push((run.cpuSeconds * 1000) / letters);
      steadyCpuPerLetter.push(((run.cpuSeconds - startup.cpuSeconds) * 1000) / letters);
      rss.push(run.peakRssMb);
    }
    const steady = median(steadyCpuPerLetter);
    const name = `${letters.toLocaleString('en-US')} real PDF letters`;
    const figures: BenchFigure[] = [
      {
        section: 'pdf-ingest',
        name: `PDF ingest end to end, ${name}`,
        value: Math.round(median(rates)),
        unit: 'letters/s',
        target: '>= 150',
        runs: rates.map(Math.round),
        note: 'wall clock on a machine others may share: compare CPU ms/letter',
      },
      {
        section: 'pdf-ingest',
        name: `PDF ingest CPU per letter, all threads, ${name}`,
        value: Number(median(cpuPerLetter).toFixed(1)),
        unit: 'ms',
        runs: cpuPerLetter.map((v) => Number(v.toFixed(1))),
      },
      {
        section: 'pdf-ingest',
        name: 'PDF ingest CPU per letter without the start-up',
        value: Number(steady.toFixed(1)),
        unit: 'ms',
        runs: steadyCpuPerLetter.map((v) => Number(v.toFixed(1))),
        note: `start-up ${startup.cpuSeconds.toFixed(1)} s CPU, measured on one letter`,
      },
      {
        section: 'pdf-ingest',
        name: 'PDF ingest projected on 2 idle cores (2 × 1000 / CPU ms per letter)',
        value: Math.round(2000 / steady),
        unit: 'letters/s',
        // No target here: a projection is not a measurement, and the target is the wall figure's.
        note: 'a projection from CPU time, not a measurement; the >= 150 target is for the wall figure',
      },
      {
        section: 'pdf-ingest',
        name: 'PDF ingest peak RSS',
        value: Math.round(median(rss)),
        unit: 'MB',
        target: '< 1024',
        runs: rss.map(Math.round),
      },
    ];
    return figures;
  },
};
