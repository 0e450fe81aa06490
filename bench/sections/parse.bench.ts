import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLetter } from '@imr/parser';
import type { BenchSection } from '../bench-types';
import { otherShareFigure, parseThroughputFigures } from './parse-figures';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/letters');

/** Parses the fixture letters round-robin for about `seconds` and returns letters/s and MB/s on one core. */
function parseLoop(
  texts: readonly string[],
  seconds: number,
): { lettersPerSecond: number; mbPerSecond: number } {
  let letters = 0;
  let bytes = 0;
  const sizes = texts.map((t) => Buffer.byteLength(t));
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < texts.length; i++) {
      parseLetter(texts[i]!);
      bytes += sizes[i]!;
    }
    letters += texts.length;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { lettersPerSecond: letters / elapsed, mbPerSecond: bytes / 1e6 / elapsed };
}

export const parseSection: BenchSection = {
  name: 'parse',
  async run(options) {
    const texts = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
    parseLoop(texts, 0.5); // warm up the JIT
    const runs = Array.from({ length: options.runs }, () => parseLoop(texts, 1.5));
    return [
      ...parseThroughputFigures(
        'parse',
        'fixture letters',
        runs.map((r) => r.lettersPerSecond),
        runs.map((r) => r.mbPerSecond),
      ),
      otherShareFigure(
        'parse',
        'fixture letters',
        texts.map((text) => parseLetter(text)),
      ),
    ];
  },
};
