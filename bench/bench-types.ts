export type Scale = 'quick' | 'full';

export interface BenchOptions {
  scale: Scale;
  /** Letters in the generated corpus: 100,000 quick, 2,000,000 full (overridable with --letters). */
  letters: number;
  /** A SQLite file path or a postgres:// URL for the store under test. */
  db: string | null;
  /** The PostgreSQL store the peer section's PostGraphile serves (default: the store under test, if PostgreSQL). */
  peerDb: string | null;
  /** Runs per figure; the report gives the median. */
  runs: number;
  /** Scratch directory for the generated corpus and databases. */
  workDir: string;
  only: Set<string> | null;
  log: (message: string) => void;
}

export interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 10000" — the target, when there is one. */
  target?: string;
  met?: boolean;
  /** Every run's value, so the median can be checked. */
  runs?: number[];
  note?: string;
  /** When the figure was measured (a report run with --only keeps other sections' figures from earlier runs). */
  measuredAt?: string;
}

export interface BenchSection {
  name: string;
  run: (options: BenchOptions, shared: SharedState) => Promise<BenchFigure[]>;
}

/** What one section leaves for the next (the corpus folder, the database path). */
export interface SharedState {
  corpusDir?: string;
  truthFile?: string;
  dbPath?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function checkTarget(value: number, target: string): boolean {
  const m = /^(<=|>=|<|>)\s*([\d.]+)/.exec(target);
  if (!m) return false;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    default:
      return value >= limit;
  }
}
