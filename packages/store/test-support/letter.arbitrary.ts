import type { Citation, DisputedItem, ParsedLetter } from '@imr/parser';
import fc from 'fast-check';
import { compressLetterText } from '../src/letter-text-codec';
import type { LetterToSave } from '../src/repositories/letter.repository';

// Test support: random letters over small vocabularies, so groups collide, values repeat within a letter
// (two citations of one source, a specialty that is also a subspecialty) and every field is sometimes absent.

// Literals, not the parser's lists: importing values from @imr/parser would load the whole parser.
const DECISIONS = ['UPHELD', 'OVERTURNED', 'PARTIALLY_OVERTURNED', 'UNKNOWN'] as const;
const PRIORITIES = ['STANDARD', 'EXPEDITED'] as const;
const SEXES = ['FEMALE', 'MALE'] as const;
const DATES = [
  '2013-12-30',
  '2014-01-02',
  '2014-01-31',
  '2014-02-20',
  '2014-11-25',
  '2015-03-01',
  '2016-07-15',
] as const;
const UR_DATES = ['2013-11-01', '2013-12-20', '2014-01-15', '2014-02-01'] as const;
const CATEGORIES = ['PHARMACEUTICAL', 'PHYSICAL_MEDICINE', 'SURGERY'] as const;
const TREATMENTS = ['massage therapy', 'hydromorphone', 'knee arthroscopy', 'acupuncture'] as const;
const GENERICS = ['hydromorphone', 'tramadol'] as const;
const DRUG_CLASSES = ['OPIOID', 'NSAID', 'TOPICAL'] as const;
const REGIONS = ['CERVICAL_SPINE', 'LUMBAR_SPINE', 'KNEE'] as const;
const SPECIALTIES = ['Pain Medicine', 'Orthopaedic Surgery', 'Internal Medicine'] as const;
const STATES = ['CA', 'NY', 'TX'] as const;
const SOURCES = ['MTUS', 'ODG', 'ACOEM', 'NONE'] as const;
const GUIDELINE_NAMES = ['Chronic Pain Medical Treatment Guidelines', 'Pain Chapter'] as const;
const TOPICS = ['Massage therapy', 'Opioids'] as const;

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 4 });

const citationArb: fc.Arbitrary<Citation> = fc
  .record({
    citedBy: fc.constantFrom('CLAIMS_ADMINISTRATOR', 'IMR_REVIEWER'),
    source: fc.constantFrom(...SOURCES),
    guideline: maybe(fc.constantFrom(...GUIDELINE_NAMES)),
    topic: maybe(fc.constantFrom(...TOPICS)),
    pages: fc.array(fc.integer({ min: 58, max: 62 }), { maxLength: 3 }),
  })
  .map((c) => (c.source === 'NONE' ? { citedBy: c.citedBy, source: c.source } : c));

const itemArb: fc.Arbitrary<DisputedItem> = fc.record({
  title: fc.constant('an item'),
  decision: fc.constantFrom(...DECISIONS),
  partiallyCertified: fc.boolean(),
  category: fc.constantFrom(...CATEGORIES),
  treatment: fc.constantFrom(...TREATMENTS),
  drug: maybe(
    fc.record({
      name: fc.constant('Drug'),
      generic: maybe(fc.constantFrom(...GENERICS)),
      drugClass: fc.constantFrom(...DRUG_CLASSES),
      strength: fc.constant(null),
      dispensed: fc.constant(null),
    }),
  ),
  quantity: fc.constant(null),
  frequency: fc.constant(null),
  duration: fc.constant(null),
  bodyRegions: fc.array(fc.constantFrom(...REGIONS), { maxLength: 3 }),
  citations: fc.array(citationArb, { maxLength: 3 }),
  rationale: fc.constant('the guidelines support this treatment'),
});

export const letterArb: fc.Arbitrary<ParsedLetter> = fc.record({
  caseNumber: fc.constant(null),
  format: fc.constant('pdf-text'),
  dates: fc.record({
    assigned: fc.constant(null),
    injury: maybe(fc.constantFrom('2001-05-06', '2010-09-20')),
    decision: maybe(fc.constantFrom(...DATES)),
    urDenial: maybe(fc.constantFrom(...UR_DATES)),
    applicationReceived: fc.constant(null),
  }),
  priority: maybe(fc.constantFrom(...PRIORITIES)),
  reviewer: fc.record({
    specialties: fc.array(fc.constantFrom(...SPECIALTIES), { maxLength: 2 }),
    subspecialties: fc.array(fc.constantFrom(...SPECIALTIES), { maxLength: 1 }),
    licensedIn: fc.array(fc.constantFrom(...STATES), { maxLength: 2 }),
  }),
  patient: fc.record({ age: maybe(fc.integer({ min: 15, max: 75 })), sex: maybe(fc.constantFrom(...SEXES)) }),
  diagnoses: fc.constant([]),
  summary: fc.constant(null),
  items: fc.array(itemArb, { maxLength: 3 }),
  warnings: fc.constant([]),
  parserVersion: fc.constant('1'),
});

/** Random letters with distinct identities (each gets its own case number), ready for saveLetters. */
export const letterBatchArb = (maxLength: number): fc.Arbitrary<ParsedLetter[]> =>
  fc
    .array(letterArb, { minLength: 1, maxLength })
    .map((letters) =>
      letters.map((letter, i) => ({ ...letter, caseNumber: `CM00-${String(i).padStart(7, '0')}` })),
    );

export function toLetterToSave(letter: ParsedLetter, index: number): LetterToSave {
  return {
    letter,
    document: {
      sha256: index.toString(16).padStart(64, '0'),
      sourcePath: `random/${index}.txt`,
      sizeBytes: 100,
      rawText: compressLetterText(`letter ${index}`),
    },
  };
}
