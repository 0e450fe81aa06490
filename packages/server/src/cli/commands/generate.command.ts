import type { CorpusFormat, LayoutChoice } from '@imr/generator';
import type { Command } from 'commander';

// The generator is loaded when `imr generate` runs, not with the CLI: serving, ingesting and querying never run
// it, so they never load its catalogues and layouts. The help names the layouts itself for that reason
// (generate.command.test.ts checks it against the generator's list).

interface GenerateCommandOptions {
  count: string;
  out: string;
  seed: string;
  layout: string;
  format: string;
  shardSize: string;
  workers?: string;
}

/** `--layout` choices as the help shows them: `mix`, then every generator layout. */
export const LAYOUT_HELP = ['mix', 'pdf-text', 'header-block', 'credentials', 'notice-2013'];

function wholeNumber(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new Error(`${flag} must be a whole number >= ${min}, got "${value}"`);
  }
  return n;
}

/** `imr generate --count N --out DIR [--seed S] [--layout mix|...]`: a realistic synthetic corpus with truth. */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'write N generated IMR letters (DIR/<shard>/<id>.txt, 1,000 per folder) with their ground truth in DIR/truth.jsonl',
    )
    .requiredOption('--count <n>', 'how many letters')
    .requiredOption('--out <dir>', 'output directory (created if missing; existing letters are overwritten)')
    .option('--seed <s>', 'PRNG seed: the same seed gives byte-identical output', '1')
    .option('--layout <layout>', `letter layout: ${LAYOUT_HELP.join(' | ')}`, 'mix')
    .option(
      '--format <format>',
      'files: DIR/<shard>/<id>.txt per letter | jsonl: DIR/letters/<shard>.jsonl, {file, text} per line (for slow file creation)',
      'files',
    )
    .option('--shard-size <n>', 'letters per sub-folder (or per jsonl file)', '1000')
    .option('--workers <n>', 'worker threads (default: one per core; 0 = main thread)')
    .action(async (options: GenerateCommandOptions) => {
      try {
        const { CORPUS_FORMATS, LAYOUTS, writeCorpus } = await import('@imr/generator');
        const LAYOUT_CHOICES: readonly string[] = ['mix', ...LAYOUTS];
        if (!LAYOUT_CHOICES.includes(options.layout)) {
          throw new Error(`--layout must be one of ${LAYOUT_CHOICES.join(', ')}, got "${options.layout}"`);
        }
        if (!(CORPUS_FORMATS as readonly string[]).includes(options.format)) {
          throw new Error(`--format must be one of ${CORPUS_FORMATS.join(', ')}, got "${options.format}"`);
        }
        const count = wholeNumber(options.count, '--count', 0);
        const tty = process.stderr.isTTY;
        let lastReport = 0;
        const started = performance.now();
        const report = await writeCorpus({
          out: options.out,
          count,
          seed: wholeNumber(options.seed, '--seed', 0),
          layout: options.layout as LayoutChoice,
          format: options.format as CorpusFormat,
          shardSize: wholeNumber(options.shardSize, '--shard-size', 1),
          ...(options.workers === undefined ? {} : { workers: wholeNumber(options.workers, '--workers', 0) }),
          onProgress: ({ written, total }) => {
            const now = performance.now();
            if (written < total && now - lastReport < (tty ? 250 : 5000)) return;
            lastReport = now;
            const rate = Math.round(written / Math.max(0.001, (now - started) / 1000));
            process.stderr.write(
              `${tty ? '\r' : ''}  generated ${written}/${total} letters (${rate}/s)${tty ? '' : '\n'}`,
            );
          },
        });
        if (tty && count > 0) process.stderr.write('\n');
        const rate = Math.round(report.letters / Math.max(0.001, report.seconds));
        console.error(
          `wrote ${report.letters} letters (${(report.bytes / 1e6).toFixed(1)} MB) in ${report.seconds.toFixed(1)} s ` +
            `(${rate} letters/s) to ${report.out}; truth in ${report.truthFile}`,
        );
      } catch (error) {
        console.error(`imr generate: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });
}
