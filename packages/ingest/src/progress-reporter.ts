import cliProgress from 'cli-progress';
import type { IngestProgress } from './ingest-progress';

// Shows a run's progress on stderr: a live bar with letters/s and ETA on a terminal, a plain line every few
// seconds otherwise (logs, CI), so stdout stays free for the summary.

export interface ProgressReporter {
  update: (progress: IngestProgress) => void;
  stop: () => void;
}

export interface ProgressReporterOptions {
  /** Word before the figures, e.g. 'ingest' or 'reparse'. */
  label: string;
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines when not on a terminal. */
  lineEverySeconds?: number;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Files/s and remaining time from a progress snapshot (the run's average rate of parsing so far). */
export function rateAndEta(progress: IngestProgress): { rate: number; eta: string } {
  const rate = progress.elapsedSeconds > 0 ? progress.parsed / progress.elapsedSeconds : 0;
  if (progress.total === null) return { rate, eta: 'counting…' };
  const left = Math.max(0, progress.total - progress.parsed);
  return { rate, eta: left === 0 ? '0s' : rate > 0 ? formatSeconds(left / rate) : '?' };
}

/**
 * One plain progress line, with the numbers as they stand (a batch's letters are stored when its transaction
 * commits, so `read` runs ahead of `stored`):
 * "ingest: 1200/5000 files read (24%) · 1100 letters stored · 10 rejected · 600 files/s · ETA 6s".
 */
export function progressLine(label: string, progress: IngestProgress): string {
  const { rate, eta } = rateAndEta(progress);
  const of =
    progress.total === null
      ? `${progress.parsed}/${progress.found}+ files read`
      : `${progress.parsed}/${progress.total} files read (${progress.total > 0 ? Math.floor((100 * progress.parsed) / progress.total) : 100}%)`;
  const letters = progress.stored + progress.alreadyPresent + progress.updated + progress.superseded;
  return `${label}: ${of} · ${letters} letters stored · ${progress.rejected} rejected · ${Math.round(rate)} files/s · ETA ${eta}`;
}

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) {
    const every = (options.lineEverySeconds ?? 5) * 1000;
    // The first line after `every`, not at 0 s: a line of zeros says nothing.
    let last = Date.now();
    return {
      update: (progress) => {
        const now = Date.now();
        if (now - last < every) return;
        last = now;
        stream.write(`${progressLine(options.label, progress)}\n`);
      },
      stop: () => {},
    };
  }
  // Payload names must not be cli-progress's own tokens ({eta}, {value}, {total}...), which it fills itself.
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${options.label} {bar} {percent} | {done}/{of} files read | {letters} letters stored | {rejected} rejected | {rate} files/s | ETA {left}`,
      barsize: 30,
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (progress) => {
      const { rate, eta } = rateAndEta(progress);
      const total = Math.max(1, progress.total ?? progress.found);
      const payload = {
        done: progress.parsed,
        letters: progress.stored + progress.alreadyPresent + progress.updated + progress.superseded,
        of: progress.total ?? `${progress.found}+`,
        percent:
          progress.total === null
            ? '  ?%'
            : `${String(Math.floor((100 * progress.parsed) / total)).padStart(3)}%`,
        rate: Math.round(rate),
        left: eta,
        rejected: progress.rejected,
      };
      if (!started) {
        bar.start(total, progress.parsed, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(progress.parsed, payload);
      }
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
