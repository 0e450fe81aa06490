import type { ParseResult } from '@imr/parser';
import { type BenchFigure, median } from '../bench-types';

// The figures the parse and accuracy sections both report, over different letters.

/** letters/s (with the target) and MB/s on one core, medians of the runs. */
export function parseThroughputFigures(
  section: string,
  letters: string,
  lettersPerSecond: readonly number[],
  mbPerSecond: readonly number[],
): BenchFigure[] {
  const name = `parse throughput, ${letters}, one core`;
  return [
    {
      section,
      name,
      value: Math.round(median(lettersPerSecond)),
      unit: 'letters/s',
      target: '>= 10000',
      runs: lettersPerSecond.map(Math.round),
    },
    {
      section,
      name,
      value: Number(median(mbPerSecond).toFixed(2)),
      unit: 'MB/s',
      runs: mbPerSecond.map((v) => Number(v.toFixed(2))),
    },
  ];
}

/** The share of parsed items the taxonomy could not classify. */
export function otherShareFigure(
  section: string,
  letters: string,
  results: readonly ParseResult[],
): BenchFigure {
  let items = 0;
  let other = 0;
  for (const result of results) {
    if (!result.ok) continue;
    items += result.letter.items.length;
    other += result.letter.items.filter((i) => i.category === 'OTHER').length;
  }
  return {
    section,
    name: `items classified OTHER, ${letters}`,
    value: items === 0 ? 0 : Number(((100 * other) / items).toFixed(2)),
    unit: '%',
    note: `${other} of ${items} items`,
  };
}
