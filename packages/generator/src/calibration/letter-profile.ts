import type { CitedBy, ParsedLetter } from '@imr/parser';

// The figures the generator is calibrated to, measured the same way on real letters (as the parser reads
// them) and on generated ones, so the two can be put side by side. Only aggregates: counts, shares and
// lengths, never text.

/** A letter as read: a parser's output or a generator's truth (the same contract fields). */
export type ReadLetter = Omit<ParsedLetter, 'parserVersion'>;

/** Eleven values: the minimum, the 10th, 20th ... 90th percentiles and the maximum. */
export type Deciles = readonly number[];

export interface LetterProfile {
  /** Where the letters came from and how they were read. */
  source: string;
  letters: number;
  items: number;
  /** Letters by how many items they decide ("1" → 96). */
  itemsPerLetter: Record<string, number>;
  /** Items by decision. */
  decisions: Record<string, number>;
  /** Items by category. */
  categories: Record<string, number>;
  /** Pharmaceutical items by drug class ("NONE" when the parser named no drug). */
  drugClasses: Record<string, number>;
  /**
   * Non-drug items by category and the taxonomy's normalised treatment name ("DIAGNOSTIC_IMAGING" → "mri"
   * → 69): the parser's own vocabulary. OTHER items are left out: their treatment is the heading's words.
   */
  treatments: Record<string, Record<string, number>>;
  /**
   * Items by the set of guideline sources each party cites for it, sorted and joined by "+"
   * ("MTUS+ODG", "NONE"; "" when the party's line is missing).
   */
  citationSources: Record<'claimsAdministrator' | 'reviewer', Record<string, number>>;
  /** Letters naming each board certification (a letter naming two counts for both). */
  specialties: Record<string, number>;
  specialtiesPerLetter: Record<string, number>;
  /** Letters naming each licence state (USPS code). */
  licenceStates: Record<string, number>;
  statesPerLetter: Record<string, number>;
  /** Characters of the letter with its whitespace folded to single spaces (layouts space lines differently). */
  letterLength: Deciles;
  /** Characters of the clinical case summary. */
  summaryLength: Deciles;
  /** Characters of each item's decision rationale. */
  rationaleLength: Deciles;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Keys in descending count, ties by key, so a profile serialises the same way every time. */
function sortedCounts(counts: Record<string, number>): Record<string, number> {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return Object.fromEntries(entries);
}

/** Counts keyed by a small integer, in numeric order. */
function numericCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort((a, b) => Number(a[0]) - Number(b[0])));
}

/** Nearest-rank deciles of the values (all zero when there are none). */
export function deciles(values: readonly number[]): Deciles {
  if (values.length === 0) return new Array<number>(11).fill(0);
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from({ length: 11 }, (_, k) => {
    if (k === 0) return sorted[0]!;
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((k / 10) * sorted.length)));
    return sorted[rank - 1]!;
  });
}

export function foldedLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

function sourcesOf(letter: ReadLetter['items'][number], citedBy: CitedBy): string {
  const sources = new Set(letter.citations.filter((c) => c.citedBy === citedBy).map((c) => c.source));
  return [...sources].sort().join('+');
}

export function profileLetters(
  letters: readonly { text: string; letter: ReadLetter }[],
  source: string,
): LetterProfile {
  const itemsPerLetter: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  const categories: Record<string, number> = {};
  const drugClasses: Record<string, number> = {};
  const treatments: Record<string, Record<string, number>> = {};
  const claimsAdministrator: Record<string, number> = {};
  const reviewer: Record<string, number> = {};
  const specialties: Record<string, number> = {};
  const specialtiesPerLetter: Record<string, number> = {};
  const licenceStates: Record<string, number> = {};
  const statesPerLetter: Record<string, number> = {};
  const letterLengths: number[] = [];
  const summaryLengths: number[] = [];
  const rationaleLengths: number[] = [];
  let items = 0;
  for (const { text, letter } of letters) {
    bump(itemsPerLetter, String(letter.items.length));
    for (const item of letter.items) {
      items++;
      bump(decisions, item.decision);
      bump(categories, item.category);
      if (item.category === 'PHARMACEUTICAL') bump(drugClasses, item.drug?.drugClass ?? 'NONE');
      else if (item.category !== 'OTHER') {
        treatments[item.category] ??= {};
        bump(treatments[item.category]!, item.treatment);
      }
      bump(claimsAdministrator, sourcesOf(item, 'CLAIMS_ADMINISTRATOR'));
      bump(reviewer, sourcesOf(item, 'IMR_REVIEWER'));
      rationaleLengths.push(foldedLength(item.rationale ?? ''));
    }
    const named = new Set(letter.reviewer.specialties);
    for (const specialty of named) bump(specialties, specialty);
    bump(specialtiesPerLetter, String(named.size));
    const states = new Set(letter.reviewer.licensedIn);
    for (const state of states) bump(licenceStates, state);
    bump(statesPerLetter, String(states.size));
    letterLengths.push(foldedLength(text));
    summaryLengths.push(foldedLength(letter.summary ?? ''));
  }
  return {
    source,
    letters: letters.length,
    items,
    itemsPerLetter: numericCounts(itemsPerLetter),
    decisions: sortedCounts(decisions),
    categories: sortedCounts(categories),
    drugClasses: sortedCounts(drugClasses),
    treatments: Object.fromEntries(
      Object.keys(treatments)
        .sort()
        .map((category) => [category, sortedCounts(treatments[category]!)]),
    ),
    citationSources: {
      claimsAdministrator: sortedCounts(claimsAdministrator),
      reviewer: sortedCounts(reviewer),
    },
    specialties: sortedCounts(specialties),
    specialtiesPerLetter: numericCounts(specialtiesPerLetter),
    licenceStates: sortedCounts(licenceStates),
    statesPerLetter: numericCounts(statesPerLetter),
    letterLength: deciles(letterLengths),
    summaryLength: deciles(summaryLengths),
    rationaleLength: deciles(rationaleLengths),
  };
}

/** The share of `key` in a table of counts (0 when the table is empty). */
export function shareOf(counts: Record<string, number>, key: string): number {
  let total = 0;
  for (const value of Object.values(counts)) total += value;
  return total === 0 ? 0 : (counts[key] ?? 0) / total;
}

/** The mean of a table of counts keyed by integers ("1" → 96 letters...). */
export function meanOf(counts: Record<string, number>): number {
  let total = 0;
  let sum = 0;
  for (const [key, value] of Object.entries(counts)) {
    total += value;
    sum += Number(key) * value;
  }
  return total === 0 ? 0 : sum / total;
}
