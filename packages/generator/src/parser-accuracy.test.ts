import { parseLetter } from '@imr/parser';
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from './draw-letter';
import { generateLetter } from './generate-letter';
import { AccuracyTally } from './truth-accuracy';

// The parser read back against the generator's truth: a check of both. A field that falls below its floor is
// either a parser regression or a generator whose letters no longer say what its truth claims; the printed
// report names the field and shows disagreeing examples.

const LETTERS = 500;
// Fixed, so two-digit years resolve the same way on every run.
const NOW = new Date('2026-11-22T00:00:00Z');

function tallyFor(
  layout: 'mix' | (typeof LAYOUTS)[number],
  count: number,
  seed: number,
): { tally: AccuracyTally; failed: string[] } {
  const tally = new AccuracyTally();
  const failed: string[] = [];
  for (let index = 0; index < count; index++) {
    const letter = generateLetter(seed, index, { layout });
    const result = parseLetter(letter.text, { now: NOW });
    if (!result.ok) failed.push(`${letter.id}: ${result.error}`);
    tally.compare(`${letter.truth.format}/${letter.id}`, letter.truth, result.ok ? result.letter : null);
  }
  return { tally, failed };
}

describe('parser accuracy on generated letters', { timeout: 120_000 }, () => {
  it(`reads ${LETTERS} mixed letters with every contract field at or above its floor`, () => {
    const { tally, failed } = tallyFor('mix', LETTERS, 424242);
    console.info(`parser field accuracy on ${LETTERS} generated letters:\n${tally.report()}`);
    expect(failed).toEqual([]);
    const below = tally
      .results()
      .filter((score) => score.agreed / score.compared < (score.field.startsWith('items.') ? 0.95 : 0.97))
      .map((score) => ({
        field: score.field,
        share: score.agreed / score.compared,
        examples: score.examples,
      }));
    expect(below).toEqual([]);
  });

  it.each(LAYOUTS)('finds every item with its title and decision in the %s layout', (layout) => {
    const { tally, failed } = tallyFor(layout, 60, 99);
    expect(failed).toEqual([]);
    for (const field of ['items.length', 'items.title', 'items.decision']) {
      const score = tally.results().find((s) => s.field === field)!;
      expect({ field, examples: score.examples, agreed: score.agreed }).toEqual({
        field,
        examples: [],
        agreed: score.compared,
      });
    }
  });
});
