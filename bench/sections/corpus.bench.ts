import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection } from '../bench-types';
import { runCliTimed } from './child-process';

/**
 * Generates the corpus once per size and seed (reused by later runs: generation is not what is measured), then
 * times generation only when it had to run.
 */
export const corpusSection: BenchSection = {
  name: 'corpus',
  async run(options, shared) {
    const dir = join(options.workDir, `corpus-${options.letters}`);
    const marker = join(dir, '.complete');
    shared.corpusDir = dir;
    shared.truthFile = join(dir, 'truth.jsonl');
    if (existsSync(marker) && readFileSync(marker, 'utf8') === String(options.letters)) {
      options.log(`reusing ${dir}`);
      return [];
    }
    rmSync(dir, { recursive: true, force: true });
    options.log(`generating ${options.letters} letters into ${dir}`);
    const run = await runCliTimed([
      'generate',
      '--count',
      String(options.letters),
      '--out',
      dir,
      '--seed',
      '7',
    ]);
    if (run.code !== 0) throw new Error(`imr generate failed (${run.code}): ${run.stderr.slice(-2000)}`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(marker, String(options.letters));
    return [
      {
        section: 'corpus',
        name: 'generate letters to disk (both cores)',
        value: Math.round(options.letters / run.seconds),
        unit: 'letters/s',
        note: `${options.letters} letters in ${run.seconds.toFixed(1)} s`,
      },
    ];
  },
};
