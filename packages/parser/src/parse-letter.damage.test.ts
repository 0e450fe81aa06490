import { describe, expect, it } from 'vitest';
import { goldMismatches } from './gold-comparison';
import {
  curlyQuotesAndNbsp,
  dropSpaces,
  insertPageFooters,
  paragraphsOf,
  redactionGaps,
  rewrap,
} from './letter-damage.fixture';
import { parseLetter } from './parse-letter';
import { loadSeedLetters } from './seed-letters.fixture';

const seeds = loadSeedLetters();

function expectGold(text: string, gold: Record<string, unknown>): void {
  const result = parseLetter(text);
  if (!result.ok) throw new Error(`did not parse: ${result.error}`);
  const { file: _file, ...fields } = gold;
  expect(goldMismatches(fields, result.letter)).toEqual([]);
}

function goldItems(gold: Record<string, unknown>): Array<{ title: string; decision: string }> {
  return gold.items as Array<{ title: string; decision: string }>;
}

const DECISION_WORDS: Record<string, string> = {
  UPHELD: 'Upheld',
  OVERTURNED: 'Overturned',
  PARTIALLY_OVERTURNED: 'Partially Overturned',
};

describe.each(seeds.map((seed) => [seed.name, seed] as const))('extraction damage on %s', (_name, seed) => {
  it('CRLF line endings', () => {
    expectGold(seed.text.replace(/\n/g, '\r\n'), seed.gold);
  });

  it.each([24, 40, 66, 90, 140, 100_000])('hard wraps at %i columns', (width) => {
    expectGold(rewrap(seed.text, width), seed.gold);
  });

  it('item headings wrapped with the decision alone on the next line', () => {
    expectGold(seed.text.replace(/:\s+(Upheld|Overturned)/g, ':\n\n$1'), seed.gold);
  });

  it('page footers and form feeds between pages', () => {
    expectGold(insertPageFooters(rewrap(seed.text, 80), 9, seed.gold.caseNumber as string | null), seed.gold);
  });

  it('missing spaces ("notmedically", "SESSIONS:Upheld", "UpheldClaims")', () => {
    const damaged = dropSpaces(seed.text);
    expect(damaged).not.toBe(seed.text);
    expectGold(damaged, seed.gold);
  });

  it('curly quotes and non-breaking spaces', () => {
    const damaged = curlyQuotesAndNbsp(seed.text);
    expect(damaged).toContain('\u00a0');
    expectGold(damaged, seed.gold);
  });

  it('redacted names leaving double spaces', () => {
    expectGold(redactionGaps(seed.text), seed.gold);
  });

  it('items listed twice (a summary list before the decisions) give one item each', () => {
    const list = goldItems(seed.gold)
      .map((item) => `${item.title}: ${DECISION_WORDS[item.decision]}`)
      .join('\n\n');
    const damaged = seed.text.replace(/(set forth below:)/, `$1\n\n${list}\n\n`);
    expect(damaged).not.toBe(seed.text);
    expectGold(damaged, seed.gold);
  });
});

describe('letter damage helpers', () => {
  it('finds the paragraphs of PDF text by its whitespace-only lines', () => {
    expect(paragraphsOf('A b \n\nc d \n\n \n\nE f \n')).toEqual(['A b c d', 'E f']);
  });

  it('rewraps paragraphs at the width given', () => {
    expect(rewrap('one two three four\n\nfive', 9)).toBe('one two\nthree\nfour\n\nfive');
  });
});
