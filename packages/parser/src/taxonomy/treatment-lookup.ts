import type { Category, Drug } from '../types';
import { bodyRegionSpans } from './body-region-lookup';
import {
  buildDrug,
  type DrugName,
  drugTreatmentName,
  findDrugNames,
  statesDose,
  unknownDrug,
} from './drug-lookup';
import type { PhraseMatch } from './phrase-matcher';
import { PhraseMatcher } from './phrase-matcher';
import { MAX_TERM_INPUT, type TermToken, tokenizeTerms } from './term-tokens';
import { NON_TREATMENT_PHRASES, TREATMENTS, type TreatmentEntry } from './treatments.data';

export interface TreatmentClassification {
  category: Category;
  treatment: string;
  drug: Drug | null;
}

/**
 * When a heading names several things, the highest rank decides, then the earlier (headings name the main
 * procedure first: "arthroscopic subacromial decompression, distal clavicle excision"); at one position the
 * longest phrase has already won.
 * Services (therapy, imaging, tests, equipment, programs) are what a heading is about even when it mentions a
 * visit or the surgery they follow; a consultation or referral outranks the procedure it is about
 * ("spine surgery consultation"); a named procedure outranks a drug given in it ("Toradol injection").
 */
const CATEGORY_RANK: Readonly<Record<Category, number>> = {
  PHYSICAL_MEDICINE: 2,
  BEHAVIORAL_HEALTH: 2,
  PROGRAM: 2,
  HOME_HEALTH: 2,
  DME: 2,
  DIAGNOSTIC_IMAGING: 2,
  DIAGNOSTIC_TESTING: 2,
  OTHER: 2,
  EVALUATION_MANAGEMENT: 1,
  INJECTION: 0,
  SURGERY: 0,
  PHARMACEUTICAL: -1,
};

/** Entries whose words are generic ("injection", "surgery", "unit", "imaging"): any specific phrase wins. */
const GENERIC_RANK: Readonly<Record<string, number>> = {
  injection: -0.5,
  surgery: -0.5,
  'durable medical equipment': -1,
  imaging: 1.5,
  'diagnostic testing': 1.5,
  medication: -2,
  'radiofrequency ablation': 0.5,
};

const DRUG_RANK = -1;

type TreatmentValue = { entry: TreatmentEntry; rank: number } | null;

const TREATMENT_MATCHER = new PhraseMatcher<TreatmentValue>(
  [
    ...TREATMENTS.flatMap((entry) => {
      const rank = entry.rank ?? GENERIC_RANK[entry.treatment] ?? CATEGORY_RANK[entry.category];
      return entry.phrases.map((phrase) => [phrase, { entry, rank }] as const);
    }),
    ...NON_TREATMENT_PHRASES.map((phrase) => [phrase, null] as const),
  ],
  'treatments.data',
);

// Words that describe how much, how often, where or which side, not what: dropped from unknown treatments.
const FILLER_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'per',
  'x',
  'and',
  'or',
  'with',
  'w',
  'in',
  'at',
  'on',
  'times',
  'time',
  'once',
  'twice',
  'thrice',
  'right',
  'left',
  'bilateral',
  'bilaterally',
  'r',
  'l',
  'rt',
  'lt',
  'request',
  'requested',
  'retrospective',
  'prospective',
  'qty',
  'quantity',
  'session',
  'sessions',
  'visit',
  'visits',
  'week',
  'weeks',
  'wk',
  'wks',
  'weekly',
  'month',
  'months',
  'monthly',
  'mo',
  'day',
  'days',
  'daily',
  'year',
  'years',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'fifteen',
  'sixteen',
  'eighteen',
  'twenty',
  'twenty-four',
  'thirty',
  'mg',
  'mcg',
  'ml',
  'qd',
  'bid',
  'tid',
  'qid',
  'prn',
  'additional',
  'unit',
  'units',
]);

let cachedTitle: string | null = null;
let cachedResult: TreatmentClassification | null = null;

function better(a: PhraseMatch<{ rank: number }>, b: PhraseMatch<{ rank: number }> | null): boolean {
  if (b === null) return true;
  if (a.value.rank !== b.value.rank) return a.value.rank > b.value.rank;
  return a.start < b.start;
}

/** The words of a heading that say what it is: not amounts, schedule, sides or body parts. */
function residualTokens(tokens: readonly TermToken[]): TermToken[] {
  const inRegion = new Set<number>();
  for (const [start, end] of bodyRegionSpans(tokens)) for (let i = start; i < end; i++) inRegion.add(i);
  return tokens.filter(
    (token, index) => !token.isNumber && !inRegion.has(index) && !FILLER_WORDS.has(token.raw),
  );
}

/** What is left of an unknown heading once amounts, schedule, sides and body parts are taken out. */
function residualTreatment(title: string, tokens: readonly TermToken[]): string {
  const words = residualTokens(tokens).map((token) => token.raw);
  if (words.length > 0) return words.join(' ');
  return title.slice(0, MAX_TERM_INPUT).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A heading with a dose but no known name ("Xylofen 10mg #30"): a drug named as written. */
function unknownDrugTreatment(title: string, tokens: readonly TermToken[]): TreatmentClassification | null {
  const words = residualTokens(tokens).filter((token) => !TREATMENT_MATCHER.longestAt([token], 0));
  if (words.length === 0 || !statesDose(title)) return null;
  const name = words.map((token) => title.slice(token.start, token.end)).join(' ');
  return {
    category: 'PHARMACEUTICAL',
    treatment: words.map((token) => token.raw).join(' '),
    drug: unknownDrug(title, tokens, name),
  };
}

function classify(title: string): TreatmentClassification {
  const tokens = tokenizeTerms(title);
  const drugMatches = findDrugNames(tokens);
  let best: PhraseMatch<{ entry: TreatmentEntry; rank: number }> | null = null;
  for (const match of TREATMENT_MATCHER.findAll(tokens)) {
    if (match.value === null) continue;
    const candidate = match as PhraseMatch<{ entry: TreatmentEntry; rank: number }>;
    if (better(candidate, best)) best = candidate;
  }
  const firstDrug: PhraseMatch<DrugName> | undefined = drugMatches[0];
  const drugBeatsTreatment =
    firstDrug !== undefined && (best === null || better({ ...firstDrug, value: { rank: DRUG_RANK } }, best));
  if (drugBeatsTreatment) {
    const drug = buildDrug(title, tokens, drugMatches)!;
    return { category: 'PHARMACEUTICAL', treatment: drugTreatmentName(drug), drug };
  }
  if (best === null || best.value.entry.category === 'PHARMACEUTICAL') {
    const unknown = unknownDrugTreatment(title, tokens);
    if (unknown !== null) return unknown;
  }
  if (best === null) return { category: 'OTHER', treatment: residualTreatment(title, tokens), drug: null };
  const { entry } = best.value;
  // "Toradol injection", "B12 shot": the drug given names the injection.
  if (entry.treatment === 'injection' && firstDrug !== undefined) {
    const drug = buildDrug(title, tokens, drugMatches)!;
    return {
      category: 'INJECTION',
      treatment: `${drugTreatmentName(drug)} injection`,
      drug: null,
    };
  }
  return { category: entry.category, treatment: entry.treatment, drug: null };
}

/**
 * The category, normalised treatment and (for pharmacy requests) the drug of a disputed item heading. A
 * heading that names nothing known is OTHER, its treatment the heading without amounts, schedule and body parts.
 */
export function classifyTreatment(title: string): TreatmentClassification {
  // The parser asks for the category and then the quantity of the same heading: keep the last answer.
  if (title === cachedTitle && cachedResult !== null) return copy(cachedResult);
  const result = classify(title);
  cachedTitle = title;
  cachedResult = result;
  return copy(result);
}

function copy(result: TreatmentClassification): TreatmentClassification {
  return { ...result, drug: result.drug === null ? null : { ...result.drug } };
}
