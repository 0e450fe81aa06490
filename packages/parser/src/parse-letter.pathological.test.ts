import { describe, expect, it } from 'vitest';
import { parseLetter } from './parse-letter';
import { loadSeedLetters } from './seed-letters.fixture';
import { MAX_LETTER_CHARS } from './text/input-guard';

// Inputs built to make a careless reader quadratic or backtrack without end, each just under the size
// limit. The assertion is only that a result comes back; the suite's timeout catches a hang.
const seed = loadSeedLetters()[0]!.text;
const decisionSection = 'IMR ISSUES, DECISIONS AND RATIONALES\n';

function fill(prefix: string, unit: string, suffix = ''): string {
  const room = MAX_LETTER_CHARS - prefix.length - suffix.length;
  return prefix + unit.repeat(Math.floor(room / unit.length)) + suffix;
}

const CASES: Array<[string, string]> = [
  [
    'many items on separate lines',
    fill(decisionSection, 'X: Upheld\nClaims Administrator guideline: Decision based on MTUS.\n'),
  ],
  ['many items on one line', fill(decisionSection, 'Item: Upheld MAXIMUS guideline: Decision rationale: ')],
  ['one endless title before a decision', fill(decisionSection, 'a', ': Upheld')],
  ['one endless line of words before a decision', fill(decisionSection, 'word ', ': Overturned')],
  [
    'endless page ranges',
    fill(`${decisionSection}X: Upheld\nMAXIMUS guideline: Decision based on MTUS Page(s): `, '1-300, '),
  ],
  [
    'a chapter name repeated',
    fill(
      `${decisionSection}X: Upheld\nMAXIMUS guideline: Decision based on MTUS `,
      'Chronic Pain Treatment Guidelines ',
    ),
  ],
  [
    'citations without end',
    fill(`${decisionSection}X: Upheld\nMAXIMUS guideline: `, 'Decision based on ODG. '),
  ],
  ['dates everywhere', fill(seed, 'date of injury of 1/1/11 ')],
  ['diagnoses without a list', fill('CLINICAL CASE SUMMARY\n', 'Diagnoses ( ')],
  ['headings only', fill('', 'CLINICAL CASE SUMMARY\nIMR ISSUES, DECISIONS AND RATIONALES\n')],
  [
    '2013 decisions without end',
    fill(
      '',
      '1) MAXIMUS Federal Services, Inc. has determined the request for x is not medically necessary. ',
    ),
  ],
  [
    '2013 item sections without end',
    fill('', '1) Regarding the request for x: Rationale for the Decision: '),
  ],
  ['unclosed tags', fill('', '<b ')],
  [
    'board certifications without end',
    fill(`${decisionSection}HOW THE IMR FINAL DETERMINATION WAS MADE\n`, 'Board Certified in '),
  ],
];

describe('parseLetter on pathological input', { timeout: 60_000 }, () => {
  it.each(CASES)('returns for %s', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_LETTER_CHARS);
    const result = parseLetter(text);
    expect(result.ok ? 'letter' : result.error).not.toMatch(/^parser failure/);
  });
});
