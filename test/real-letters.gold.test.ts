import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLetterPdf } from '@imr/parser';
import { describe, expect, it } from 'vitest';
import { countGoldFields, goldMismatches } from '../packages/parser/src/gold-comparison';
import { assertCorpusOutsideCi, REAL_CORPUS_DIR, realCorpus } from './real-corpus';

// Hand-checked answers for real letters (fixtures/real-2016-17.gold.json: fields, no letter text), held at
// 100 % of their fields through the project's PDF path.

interface GoldLetter {
  file: string;
  items: { decision: string }[];
  [field: string]: unknown;
}

const gold = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'real-2016-17.gold.json'), 'utf8'),
) as {
  letters: GoldLetter[];
};
const corpus = realCorpus();
assertCorpusOutsideCi(corpus);
const describeReal = corpus.present ? describe : describe.skip;

describe('the real-letter gold answers', () => {
  it('cover at least 15 letters: 1-item and many-item, Upheld and Overturned, partly certified requests', () => {
    const letters = gold.letters;
    const items = letters.flatMap((l) => l.items);
    expect(letters.length).toBeGreaterThanOrEqual(15);
    expect(letters.filter((l) => l.items.length === 1).length).toBeGreaterThanOrEqual(5);
    expect(letters.filter((l) => l.items.length >= 3).length).toBeGreaterThanOrEqual(5);
    expect(items.filter((i) => i.decision === 'OVERTURNED').length).toBeGreaterThanOrEqual(5);
    expect(items.filter((i) => i.decision === 'UPHELD').length).toBeGreaterThanOrEqual(5);
    expect(
      items.filter((i) => (i as { partiallyCertified?: boolean }).partiallyCertified).length,
    ).toBeGreaterThan(0);
  });
});

const skipped = corpus.present ? '' : ` (skipped: ${corpus.reason})`;

describeReal(`parseLetterPdf against real-2016-17.gold.json${skipped}`, () => {
  for (const letter of gold.letters) {
    it(`${letter.file}: every gold field matches`, async () => {
      const result = await parseLetterPdf(readFileSync(join(REAL_CORPUS_DIR, letter.file)));
      if (!result.ok) throw new Error(`${letter.file} did not parse: ${result.error}`);
      const { file: _file, ...fields } = letter;
      expect(countGoldFields(fields)).toBeGreaterThan(20);
      expect(goldMismatches(fields, result.letter)).toEqual([]);
    });
  }
});
