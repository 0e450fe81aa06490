import { availableParallelism } from 'node:os';
import { ParseWorkerPool } from '@imr/ingest/parse-worker-pool';
import type { ParsedLetter } from '@imr/parser';
import type { Command } from 'commander';

interface ParseCommandOptions {
  json?: boolean;
}

type ParseOutcome = { file: string; letter: ParsedLetter } | { file: string; error: string };

/**
 * Reads and parses the files in the ingest's parse workers, so a file is held to the same limits as in an
 * ingest: a PDF is extracted only in a worker, a file past the time limit has its worker stopped and comes back
 * as an error naming the limit, and a worker's heap is capped. Outcomes in argument order.
 */
function parseFiles(files: readonly string[]): Promise<ParseOutcome[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const outcomes: ParseOutcome[] = new Array(files.length);
    let left = files.length;
    const pool: ParseWorkerPool = new ParseWorkerPool({
      threads: Math.min(files.length, availableParallelism()),
      onOutcome: (outcome) => {
        const file = files[outcome.seq]!;
        outcomes[outcome.seq] = outcome.ok
          ? { file, letter: outcome.save.letter }
          : { file, error: outcome.reason };
        left--;
        if (left === 0) pool.close().then(() => resolve(outcomes), reject);
      },
      onFatal: (error) => {
        pool.close().finally(() => reject(error));
      },
    });
    files.forEach((path, seq) => {
      pool.submit({ seq, kind: 'file', path });
    });
  });
}

function humanSummary(outcome: ParseOutcome): string {
  if ('error' in outcome) return `${outcome.file}: error: ${outcome.error}`;
  const { letter } = outcome;
  const lines = [
    `${outcome.file}: ${letter.format}, case ${letter.caseNumber ?? '(no number)'}, decided ${letter.dates.decision ?? '(no date)'}, ${letter.items.length} item(s)`,
    ...letter.items.map((item) => `  ${item.decision.padEnd(20)} ${item.category.padEnd(21)} ${item.title}`),
    ...letter.warnings.map((warning) => `  warning: ${warning}`),
  ];
  return lines.join('\n');
}

/** `imr parse FILE... [--json]`: letters → the parse contract's JSON (shared/docs/PARSE-CONTRACT.md). */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'parse letters (.txt, .md, .html or .pdf; UTF-8 or UTF-16) and print them; with --json one object for one file, an array for several; exit code 1 if any file failed',
    )
    .argument('<files...>', 'letter files')
    .option('--json', 'print the parse contract JSON instead of a summary')
    .action(async (files: string[], options: ParseCommandOptions) => {
      const outcomes = await parseFiles(files);
      if (options.json) {
        const records = outcomes.map((outcome) =>
          'error' in outcome ? { file: outcome.file, error: outcome.error } : outcome.letter,
        );
        process.stdout.write(`${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
      } else {
        process.stdout.write(`${outcomes.map(humanSummary).join('\n')}\n`);
      }
      process.exitCode = outcomes.some((outcome) => 'error' in outcome) ? 1 : 0;
    });
}
