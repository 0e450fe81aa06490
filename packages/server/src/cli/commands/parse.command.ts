import { decodeLetterBytes } from '@imr/ingest/decode-letter-bytes';
import { readLetterFile } from '@imr/ingest/read-letter-file';
import { type ParsedLetter, parseLetter } from '@imr/parser';
import type { Command } from 'commander';

interface ParseCommandOptions {
  json?: boolean;
}

type ParseOutcome = { file: string; letter: ParsedLetter } | { file: string; error: string };

/** Reads one file (text in any supported encoding, or PDF) and parses it; the parser itself does no I/O. */
async function parseFile(file: string): Promise<ParseOutcome> {
  const read = await readLetterFile(file);
  if (!read.ok) return { file, error: read.reason };
  const decoded = await decodeLetterBytes(read.bytes);
  if (!decoded.ok) return { file, error: decoded.reason };
  const result = parseLetter(decoded.text);
  return result.ok ? { file, letter: result.letter } : { file, error: result.error };
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
      const outcomes: ParseOutcome[] = [];
      for (const file of files) outcomes.push(await parseFile(file));
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
