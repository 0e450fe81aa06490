import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DisputedItem, ParsedLetter } from '@imr/parser';
import { compressLetterText } from '../src/letter-text-codec';
import type { LetterToSave } from '../src/repositories/letter.repository';

// Test support: the five seed letters as the hand-checked gold file describes them, saved without the parser so
// API tests do not depend on it. The gold file has no rationales or summaries: tests that search use the ones
// written here, which quote words of the real letters.

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');

interface GoldLetter
  extends Omit<ParsedLetter, 'format' | 'summary' | 'warnings' | 'parserVersion' | 'items'> {
  file: string;
  items: (Omit<DisputedItem, 'drug' | 'quantity' | 'frequency' | 'duration' | 'rationale'> &
    Partial<Pick<DisputedItem, 'drug' | 'quantity' | 'frequency' | 'duration'>>)[];
}

const RATIONALES: Record<string, string> = {
  'massage therapy':
    'Massage therapy should be an adjunct to other recommended treatment and limited to 4-6 visits; the request exceeds the guideline.',
  hydromorphone: 'There is no documentation of functional benefit as a result of opioid use to date.',
};

export function goldLetters(): LetterToSave[] {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'seeds.gold.json'), 'utf8')) as {
    letters: GoldLetter[];
  };
  return gold.letters.map((g) => {
    const text = readFileSync(join(FIXTURES, 'letters', g.file.replace(/^seeds\//, '')), 'utf8');
    const { file: _file, ...rest } = g;
    const letter: ParsedLetter = {
      ...rest,
      format: 'gold',
      summary: `A ${g.patient.age ?? 'adult'} year old injured worker with ${g.diagnoses.join(', ')}.`,
      warnings: [],
      parserVersion: 'gold',
      items: g.items.map((item) => ({
        drug: null,
        quantity: null,
        frequency: null,
        duration: null,
        ...item,
        rationale:
          RATIONALES[item.treatment] ?? `The request for ${item.treatment} is not medically necessary.`,
      })),
    };
    const sha256 = createHash('sha256').update(text.replace(/\r\n/g, '\n').trim()).digest('hex');
    return {
      letter,
      document: {
        sha256,
        sourcePath: `test/fixtures/letters/${g.file.replace(/^seeds\//, '')}`,
        sizeBytes: Buffer.byteLength(text),
        rawText: compressLetterText(text),
      },
    };
  });
}
