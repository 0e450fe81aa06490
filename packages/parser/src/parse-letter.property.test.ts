import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLayoutFixture } from './layouts/layout-fixtures';
import { parseLetter } from './parse-letter';
import { loadSeedLetters } from './seed-letters.fixture';
import type { Decision, ParseResult } from './types';

const letters = [
  ...loadSeedLetters().map((seed) => seed.text),
  readLayoutFixture('notice-2013-two-items.txt'),
  readLayoutFixture('notice-2013-expedited.txt'),
  readLayoutFixture('decisions-and-rationales.txt'),
];

// Letters and digits only, so the check is blind to spacing, punctuation, markup (tags as HTML defines
// them, up to the length the parser treats as a tag) and page footers ("Page 4 of 5", and the case number
// printed alone on a line), which the parser drops wherever a page break falls, even between an item's title
// and its decision.
const compress = (text: string): string =>
  text
    .replace(/<\/?[a-z!][^<>]{0,300}>/gi, '')
    .replace(/^[ \t]*CM\d{2}-\d{4,8}[ \t]*$/gm, '')
    .replace(/\bPage\s?\d{1,4}\s?of\s?\d{1,4}\b/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

// How the text states each decision right after an item's title: "<title>: Upheld" (2014+) or "the request
// for <title> is not medically necessary" (2013).
const STATED_AFTER_TITLE: Record<Exclude<Decision, 'UNKNOWN'>, RegExp> = {
  UPHELD: /^(?:upheld|(?:is|are)notmedicallynecessary)/,
  OVERTURNED: /^(?:overturned|(?:is|are)medicallynecessary)/,
  PARTIALLY_OVERTURNED: /^partiallyoverturned/,
};
const STATED_IN_RATIONALE: Record<Exclude<Decision, 'UNKNOWN'>, RegExp> = {
  UPHELD: /(?:is|are|was|were)notmedicallynecessary/,
  OVERTURNED: /(?:is|are|was|were)medicallynecessary/,
  PARTIALLY_OVERTURNED: /partiallyoverturned/,
};

/** Every decision the parser reports is written in the text next to the item's title (or, for a 2013 item
 * section without its numbered decision, in the rationale the text holds). */
function undocumentedDecisions(text: string, result: ParseResult): string[] {
  if (!result.ok) return [];
  const source = compress(text);
  const problems: string[] = [];
  for (const item of result.letter.items) {
    if (item.decision === 'UNKNOWN') continue;
    const title = compress(item.title);
    let stated = false;
    for (let at = source.indexOf(title); at !== -1 && !stated; at = source.indexOf(title, at + 1)) {
      stated = STATED_AFTER_TITLE[item.decision].test(
        source.slice(at + title.length, at + title.length + 40),
      );
    }
    const rationale = compress(item.rationale);
    if (
      !stated &&
      result.letter.format === 'notice-2013' &&
      rationale.length > 0 &&
      source.includes(rationale)
    ) {
      stated = STATED_IN_RATIONALE[item.decision].test(rationale);
    }
    if (!stated) problems.push(`${item.decision} for '${item.title}' is not stated in the text`);
  }
  return problems;
}

function check(text: string): void {
  const result = parseLetter(text);
  expect(typeof result.ok).toBe('boolean');
  // The catch-all in parseLetter must never be what answers: that would be a bug in a reader.
  if (!result.ok) expect(result.error).not.toMatch(/^parser failure/);
  expect(undocumentedDecisions(text, result)).toEqual([]);
}

const SECTION_BOUNDARY =
  /HOW THE IMR|CLINICAL CASE SUMMARY|IMR ISSUES|IMR DECISION|DOCUMENTS REVIEWED|Claims Administrator guideline|MAXIMUS guideline|Decision rationale|Medical Qualifications|Case Summary|Regarding the request|Medical Treatment Guideline|Rationale for the Decision|: ?\n* *(?:Upheld|Overturned)|\d\) MAXIMUS/g;

// Strings that look like parts of a letter, so injected junk can confuse the section and item readers.
const letterLikeJunk = fc.constantFrom(
  ': Upheld',
  ': Overturned\n',
  'Decision rationale:',
  'MAXIMUS guideline: Decision based on',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'CLINICAL CASE SUMMARY',
  'Case Number:',
  'Page(s): 1-99999',
  '1) Regarding the request for',
  'is not medically necessary',
  '((((((((((',
  'Diagnoses include ',
  '\f',
  '<b>',
  '**',
);
const junk = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  letterLikeJunk,
);

// Generous timeouts: these are correctness properties, not timings, and CI machines may be busy.
describe('parseLetter properties', { timeout: 120_000 }, () => {
  it('returns a result for random text and never reports a decision the text does not state', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => check(text)),
      { numRuns: 300 },
    );
  });

  it('survives deleted lines, injected junk and shuffled sections', () => {
    fc.assert(
      fc.property(
        fc.nat(letters.length - 1),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), junk), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (index, deletions, injections, shuffle) => {
          let lines = letters[index]!.split('\n');
          for (const at of deletions) lines.splice(at % lines.length, 1);
          for (const [at, piece] of injections) lines.splice(at % (lines.length + 1), 0, piece);
          // Shuffle whole sections: cut at headings and reorder the pieces by the generated keys.
          const pieces = lines
            .join('\n')
            .split(/(?=HOW THE IMR|CLINICAL CASE SUMMARY|IMR ISSUES|Case Summary:)/);
          const keyed = pieces.map((piece, i) => ({ piece, key: shuffle[i] ?? i }));
          keyed.sort((a, b) => a.key - b.key);
          lines = keyed.map((entry) => entry.piece);
          check(lines.join(''));
        },
      ),
      {
        numRuns: 400,
        // Found by CI: a page footer fell between a title and an injected ": Upheld".
        examples: [
          [
            5,
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [
              [0, ''],
              [0, ''],
              [0, ''],
              [1329546554, ': Upheld'],
              [629955560, 'IMR ISSUES, DECISIONS AND RATIONALES'],
            ],
            [],
          ],
          // Found by the suite: a bare case-number footer line fell between a title and an injected ": Upheld".
          [
            5,
            [],
            [
              [0, ': Upheld'],
              [25583614, 'IMR ISSUES, DECISIONS AND RATIONALES'],
            ],
            [4],
          ],
        ],
      },
    );
  });

  it('returns for every letter truncated at every section boundary', () => {
    for (const letter of letters) {
      const boundaries = [...letter.matchAll(SECTION_BOUNDARY)].map((match) => match.index);
      expect(boundaries.length).toBeGreaterThan(3);
      for (const at of boundaries) {
        check(letter.slice(0, at));
        check(letter.slice(0, at + 7));
      }
    }
  });

  it('reports a decision only where an item was cut short together with its decision', () => {
    const letter = letters[2]!;
    for (let cut = letter.indexOf('IMR ISSUES'); cut < letter.length; cut += 97) check(letter.slice(0, cut));
  });
});
