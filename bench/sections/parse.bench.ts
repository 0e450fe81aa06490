import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLetter } from '@imr/parser';
import { type BenchFigure, type BenchSection, median } from '../bench-types';

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
    const lps = runs.map((r) => r.lettersPerSecond);
    const mbps = runs.map((r) => r.mbPerSecond);
    let other = 0;
    let items = 0;
    for (const text of texts) {
      const result = parseLetter(text);
      if (result.ok) {
        items += result.letter.items.length;
        other += result.letter.items.filter((i) => i.category === 'OTHER').length;
      }
    }
    const figures: BenchFigure[] = [
      {
        section: 'parse',
        name: 'parse throughput, fixture letters, one core',
        value: Math.round(median(lps)),
        unit: 'letters/s',
        target: '>= 10000',
        runs: lps.map(Math.round),
      },
      {
        section: 'parse',
        name: 'parse throughput, fixture letters, one core',
        value: Number(median(mbps).toFixed(2)),
        unit: 'MB/s',
        runs: mbps.map((v) => Number(v.toFixed(2))),
      },
      {
        section: 'parse',
        name: 'items classified OTHER, fixture letters',
        value: items === 0 ? 0 : Number(((100 * other) / items).toFixed(1)),
        unit: '%',
        note: `${other} of ${items} items`,
      },
    ];
    return figures;
  },
};
