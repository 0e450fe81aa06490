import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  type BenchFigure,
  type BenchOptions,
  type BenchSection,
  checkTarget,
  type SharedState,
} from './bench-types';
import { cpuTicks, stealPercent } from './cpu-steal';
import { machineSpeed } from './machine-speed';
import { accuracySection } from './sections/accuracy.bench';
import { calibrationSection } from './sections/calibration.bench';
import { corpusSection } from './sections/corpus.bench';
import { dashboardSection } from './sections/dashboard.bench';
import { ingestSection } from './sections/ingest.bench';
import { loadSection } from './sections/load.bench';
import { parseSection } from './sections/parse.bench';
import { pdfIngestSection } from './sections/pdf-ingest.bench';
import { peerSection } from './sections/peer.bench';
import { querySection } from './sections/query.bench';

// `pnpm bench [--scale quick|full] [--db postgres://...] [--only parse,ingest,...]`: runs each section, prints a
// markdown table and writes bench/results/latest.json + latest.md.
const sections: BenchSection[] = [
  parseSection,
  corpusSection,
  accuracySection,
  calibrationSection,
  ingestSection,
  pdfIngestSection,
  querySection,
  peerSection,
  loadSection,
  dashboardSection,
];

function sqliteVersion(): string {
  try {
    return execSync(
      `node -e "const D=require('better-sqlite3');console.log(new D(':memory:').prepare('select sqlite_version() v').get().v)"`,
      { cwd: join(import.meta.dirname, '../packages/server'), encoding: 'utf8' },
    ).trim();
  } catch {
    return 'unknown';
  }
}

function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    sqlite: sqliteVersion(),
    platform: `${os.platform()} ${os.release()}`,
  };
}

function toMarkdown(
  meta: ReturnType<typeof machine> & { scale: string; letters: number; db: string },
  figures: BenchFigure[],
): string {
  const lines = [
    `# Benchmark report`,
    '',
    `${new Date().toISOString()} · scale ${meta.scale} (${meta.letters.toLocaleString('en-US')} letters) · store ${meta.db}`,
    `Machine: ${meta.cpu}, ${meta.cores} cores, ${meta.memoryGiB} GiB · Node ${meta.node} · SQLite ${meta.sqlite}`,
    '',
    '| section | figure | median | unit | target | met | runs | measured |',
    '|---|---|---:|---|---|---|---|---|',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.section} | ${f.name}${f.note ? ` (${f.note})` : ''} | ${f.value.toLocaleString('en-US')} | ${f.unit} | ${f.target ?? ''} | ${
        f.target ? (f.met ? 'yes' : '**no**') : ''
      } | ${f.runs ? f.runs.join(', ') : ''} | ${f.measuredAt ? f.measuredAt.slice(0, 16).replace('T', ' ') : ''} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const program = new Command()
  .name('bench')
  .option('--scale <scale>', 'quick (100k letters) or full (2 million)', 'quick')
  .option('--letters <n>', 'override the corpus size')
  .option('--db <target>', 'SQLite file or postgres:// URL (default: a SQLite file in the work dir)')
  .option('--runs <n>', 'runs per figure (median reported)', '5')
  .option(
    '--only <sections>',
    'comma-separated sections to run (the others keep their figures from latest.json)',
  )
  .option('--store <file>', 'query and load an existing store instead of the one the ingest section makes')
  .option(
    '--peer-db <url>',
    'PostgreSQL store (same letters) for the peer section, when the store under test is SQLite',
  )
  .option('--work-dir <dir>', 'scratch directory', join(os.tmpdir(), 'imr-bench'))
  .option('--out <dir>', 'where to write latest.json and latest.md', join(import.meta.dirname, 'results'));
program.parse(process.argv);
const opts = program.opts<{
  scale: string;
  letters?: string;
  db?: string;
  runs: string;
  only?: string;
  store?: string;
  peerDb?: string;
  workDir: string;
  out: string;
}>();
if (opts.scale !== 'quick' && opts.scale !== 'full') {
  console.error(`--scale must be quick or full, not "${opts.scale}"`);
  process.exit(2);
}
const scale = opts.scale;
const options: BenchOptions = {
  scale,
  letters: opts.letters ? Number(opts.letters) : scale === 'full' ? 2_000_000 : 100_000,
  db: opts.db ?? null,
  peerDb: opts.peerDb ?? null,
  runs: Math.max(1, Number(opts.runs)),
  workDir: opts.workDir,
  only: opts.only ? new Set(opts.only.split(',').map((s) => s.trim())) : null,
  log: (message) => console.error(`[bench] ${message}`),
};
mkdirSync(options.workDir, { recursive: true });

/** The previous report's figures at the same scale and size. */
function carriedOver(outDir: string): BenchFigure[] {
  const previousFile = join(outDir, 'latest.json');
  if (!existsSync(previousFile)) return [];
  const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as {
    generatedAt: string;
    scale: string;
    letters: number;
    figures: BenchFigure[];
  };
  if (previous.scale !== scale || previous.letters !== options.letters) return [];
  return previous.figures.map((f) => ({ ...f, measuredAt: f.measuredAt ?? previous.generatedAt }));
}

const meta = {
  ...machine(),
  scale,
  letters: options.letters,
  db: options.db ?? opts.store ?? 'sqlite (work dir)',
};
// Sections this run leaves without figures (skipped by --only, a reused corpus, not reached yet) keep theirs from
// the previous report at the same scale, with the time they were measured (read before this run overwrites it).
const previous = carriedOver(opts.out);

/** Writes latest.json and latest.md with what is measured so far (after every section: a late crash keeps them). */
function writeReport(measured: BenchFigure[]): string {
  const order = sections.map((s) => s.name);
  const ran = new Set(measured.map((f) => f.section));
  const kept = previous.filter((f) => !ran.has(f.section));
  const figures = [...measured, ...kept].sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(
    join(opts.out, 'latest.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), ...meta, figures }, null, 2)}\n`,
  );
  const markdown = toMarkdown(meta, figures);
  writeFileSync(join(opts.out, 'latest.md'), markdown);
  return markdown;
}

const figures: BenchFigure[] = [];
const shared: SharedState = opts.store ? { dbPath: opts.store } : {};
for (const section of sections) {
  if (options.only && !options.only.has(section.name)) continue;
  options.log(`section ${section.name}...`);
  const speed = machineSpeed();
  const started = Date.now();
  const ticksBefore = cpuTicks();
  for (const figure of await section.run(options, shared)) {
    const measured = { ...figure, measuredAt: new Date().toISOString() };
    figures.push(figure.target ? { ...measured, met: checkTarget(figure.value, figure.target) } : measured);
  }
  const ticksAfter = cpuTicks();
  if (ticksBefore && ticksAfter) {
    figures.push({
      section: section.name,
      name: 'machine: CPU time the hypervisor gave other guests while this section ran (steal; wall figures slow and vary with it)',
      value: Number(stealPercent(ticksBefore, ticksAfter).toFixed(1)),
      unit: '%',
      measuredAt: new Date().toISOString(),
    });
  }
  figures.push({
    section: section.name,
    name: "machine: one core's speed just before this section (units of a fixed JSON, regular-expression, hash and brotli workload a second, machine-speed.ts; machines of one kind differ by it, and wall figures with it)",
    value: Math.round(speed),
    unit: 'units/s',
    measuredAt: new Date().toISOString(),
  });
  options.log(`section ${section.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  writeReport(figures);
}
console.log(writeReport(figures));
