import {
  CATEGORIES,
  type Category,
  type Decision,
  DRUG_CLASSES,
  type DrugClass,
  type GuidelineSource,
} from '@imr/parser';
import type { SeededRandom, Weighted } from '../seeded-random';
import type { Deciles } from './letter-profile';
import { REAL_2016_17_PROFILE as PROFILE } from './real-2016-17.profile';

// The weight tables the generator draws from, read off the profile measured on the real letters
// (real-2016-17.profile.ts). Where the 160 letters show nothing of a value the contract has (a category,
// a drug class, a partial decision), a small weight keeps it in the corpus so every parser path stays
// exercised at scale; each such floor is named below.

/** The guideline sources a generated citation can have (ACOEM outside the MTUS is too rare to model: 2 items). */
export type DrawnSource = Extract<GuidelineSource, 'MTUS' | 'ODG' | 'OTHER' | 'NONE'>;
const DRAWN_SOURCES: readonly DrawnSource[] = ['MTUS', 'ODG', 'OTHER', 'NONE'];

function isDrawnSource(source: string): source is DrawnSource {
  return (DRAWN_SOURCES as readonly string[]).includes(source);
}

/** A count per value, plus `floor` for every allowed value (absent ones included). */
function smoothed<T extends string>(counts: Record<string, number>, allowed: readonly T[], floor: number) {
  return allowed.map((value) => [value, (counts[value] ?? 0) + floor] as const) satisfies Weighted<T>;
}

function integerWeights(counts: Record<string, number>): Weighted<number> {
  return Object.entries(counts).map(([key, count]) => [Number(key), count] as const);
}

/** Items per letter as measured (1 to 10). */
export const ITEM_COUNTS: Weighted<number> = integerWeights(PROFILE.itemsPerLetter);

const PARTIAL_SHARE = 0.01;
/**
 * Upheld and overturned as measured; partial overturns, which none of the 160 letters has, at 1% of items
 * so the parser's partial path stays exercised.
 */
export const DECISION_WEIGHTS: Weighted<Decision> = [
  ['UPHELD', PROFILE.decisions.UPHELD ?? 0],
  ['OVERTURNED', PROFILE.decisions.OVERTURNED ?? 0],
  ['PARTIALLY_OVERTURNED', PARTIAL_SHARE * PROFILE.items],
];

/** Categories as measured, plus one item's weight each so the ones the sample lacks (programs...) appear. */
export const CATEGORY_WEIGHTS: Weighted<Category> = smoothed(PROFILE.categories, CATEGORIES, 1);

/** Drug classes of pharmaceutical items as measured, plus one item's weight each. */
export const DRUG_CLASS_WEIGHTS: Weighted<DrugClass> = smoothed(PROFILE.drugClasses, DRUG_CLASSES, 1);

/**
 * The weight of a catalogue treatment within its category: how many real items had that treatment (an entry
 * whose headings carry finer names, "medial branch block" under facet injections, counts those too), plus
 * half an item so entries the sample lacks still appear. A category none of whose catalogue treatments the
 * sample shows (programs, OTHER, home health: the sample's are nursing and aides) keeps the catalogue's weights.
 */
export function treatmentWeight(
  category: Category,
  treatments: readonly string[],
  catalogueWeight: number,
  categoryMeasured: boolean,
): number {
  if (!categoryMeasured) return catalogueWeight;
  const measured = PROFILE.treatments[category] ?? {};
  return treatments.reduce((sum, treatment) => sum + (measured[treatment] ?? 0), 0.5);
}

/** Whether any of these treatments of the category was seen in the real letters. */
export function treatmentsMeasured(category: Category, treatments: readonly string[]): boolean {
  const measured = PROFILE.treatments[category] ?? {};
  return treatments.some((treatment) => (measured[treatment] ?? 0) > 0);
}

/** "MTUS+ODG" → the sources the generator writes; ACOEM is dropped, and an empty set cites nothing. */
function sourceSets(counts: Record<string, number>): Weighted<readonly DrawnSource[]> {
  const merged = new Map<string, { sources: DrawnSource[]; count: number }>();
  for (const [key, count] of Object.entries(counts)) {
    let sources = key.split('+').filter(isDrawnSource);
    if (sources.length === 0) sources = ['NONE'];
    if (sources.length > 1) sources = sources.filter((source) => source !== 'NONE');
    const id = sources.join('+');
    const entry = merged.get(id);
    if (entry === undefined) merged.set(id, { sources, count });
    else entry.count += count;
  }
  return [...merged.values()].map(({ sources, count }) => [sources, count] as const);
}

/** The set of sources the claims administrator cites for an item, as measured per item. */
export const CLAIMS_ADMINISTRATOR_SOURCES = sourceSets(PROFILE.citationSources.claimsAdministrator);
/** The same for the MAXIMUS (expert reviewer) line. */
export const REVIEWER_SOURCES = sourceSets(PROFILE.citationSources.reviewer);

/** Board certifications by how many letters name them; how many a letter names. */
export const SPECIALTY_WEIGHTS: Weighted<string> = Object.entries(PROFILE.specialties);
export const SPECIALTIES_PER_LETTER: Weighted<number> = integerWeights(PROFILE.specialtiesPerLetter);

/** Licence states (USPS codes) by how many letters name them; how many a letter names. */
export const STATE_WEIGHTS: Weighted<string> = Object.entries(PROFILE.licenceStates);
export const STATES_PER_LETTER: Weighted<number> = integerWeights(PROFILE.statesPerLetter);

/**
 * `count` distinct values of a table of how many letters name each value, the commonest first included with
 * its measured share of letters (California: 64%). Drawing every value by weight alone would name the
 * commonest too rarely: its weight shares the table with the other values a multi-valued letter names.
 */
export function drawNamed(
  table: Weighted<string>,
  letters: number,
  count: number,
  random: SeededRandom,
): string[] {
  const [commonest, named] = table[0]!;
  const withCommonest = random.chance(named / letters);
  const rest = table.slice(1);
  const others = drawDistinct(rest, withCommonest ? count - 1 : count, random);
  return withCommonest ? [commonest, ...others] : others;
}

export const LETTERS_MEASURED = PROFILE.letters;

/** A length drawn from measured deciles: a decile band at random, uniform within it. */
export function drawLength(bands: Deciles, random: SeededRandom): number {
  const band = random.int(0, 9);
  const low = bands[band] ?? 0;
  const high = bands[band + 1] ?? low;
  return Math.round(low + (high - low) * random.next());
}

export const SUMMARY_LENGTH: Deciles = PROFILE.summaryLength;
export const RATIONALE_LENGTH: Deciles = PROFILE.rationaleLength;

/** Up to `count` distinct values drawn by weight (fewer if the table runs out of distinct ones). */
export function drawDistinct<T>(table: Weighted<T>, count: number, random: SeededRandom): T[] {
  const chosen: T[] = [];
  for (let attempt = 0; chosen.length < count && attempt < count * 10; attempt++) {
    const value = random.weighted(table);
    if (!chosen.includes(value)) chosen.push(value);
  }
  return chosen;
}
