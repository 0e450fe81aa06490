import type { Drug, DrugClass } from '../types';
import { COMPOUND_WORDS, DRUGS, type DrugEntry, TOPICAL_FORM_WORDS } from './drugs.data';
import { type PhraseMatch, PhraseMatcher } from './phrase-matcher';
import { phraseTerms, type TermToken } from './term-tokens';

/** A drug name as the matcher stores it: the entry and the spelling that was matched. */
export interface DrugName {
  entry: DrugEntry;
  name: string;
  /** A word such as "compounded" that names no drug but says the product is compounded. */
  compoundWord: boolean;
}

const COMPOUND_ENTRY: DrugEntry = { generic: null, drugClass: 'COMPOUND', names: COMPOUND_WORDS };

export const DRUG_MATCHER = new PhraseMatcher<DrugName>(
  [
    ...DRUGS.flatMap((entry) =>
      entry.names.map((name) => [name, { entry, name, compoundWord: false }] as const),
    ),
    ...COMPOUND_WORDS.map(
      (word) => [word, { entry: COMPOUND_ENTRY, name: word, compoundWord: true }] as const,
    ),
  ],
  'drugs.data',
);

const ENTRY_BY_NAME: ReadonlyMap<string, DrugEntry> = new Map(
  DRUGS.flatMap((entry) => entry.names.map((name) => [name, entry] as const)),
);

const TOPICAL_FORMS: ReadonlySet<string> = new Set(TOPICAL_FORM_WORDS.flatMap((word) => phraseTerms(word)));
// A transdermal opioid (fentanyl, buprenorphine patch) is still an opioid; a cream of one is a topical.
const OPIOID_KEEPING_FORMS: ReadonlySet<string> = new Set(['patch', 'transdermal']);

// "4mg", "10/325 MG", "5%", "25mcg/hr", "0.5 mg/ml": digits, up to three "/"-separated parts, a unit. Grams
// and millilitres are left out: "120 gm", "500 ml" are the size of the tube or bottle, not a strength.
const STRENGTH =
  /(?<![\d.])(\d+(?:\.\d+)?(?:\s?\/\s?\d+(?:\.\d+)?){0,3})\s?(mg\/ml|mg\/hr|mcg\/hr|mcg\/h|mcg|mg|%|iu|units?)(?![a-z])/g;
// "Norco 10/325 #90": a bare ratio right after the name (a date "10/03/14" has a second slash and is skipped).
const BARE_RATIO = /(?<![\d./])(\d+(?:\.\d+)?\/\d+(?:\.\d+)?)(?![\d./])/;
const DISPENSED_PATTERNS: readonly RegExp[] = [
  /#\s?(\d+)(?![\d.%])/,
  /\b(?:qty|quantity|dispense|disp)\s?[:.]?\s?#?\s?(\d+)(?![\d.%])/,
  /(?<![\d./])(\d+)\s?(?:tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|lozenges?|films?|count)(?![a-z])/,
  /(?<![a-z\d])x\s?(\d+)(?![\d.%/]|\s?(?:days?|weeks?|wks?|months?|mos?|years?|refills?)(?![a-z]))/,
];

function normaliseStrength(amount: string, unit: string): string {
  const figures = amount.replace(/\s/g, '');
  if (unit === '%') return `${figures}%`;
  return `${figures} ${unit === 'units' ? 'unit' : unit === 'iu' ? 'IU' : unit}`;
}

/** The title with the matched drug names blanked, so "Tylenol #3" is not read as 3 dispensed. */
function withoutNames(
  lower: string,
  matches: readonly PhraseMatch<DrugName>[],
  tokens: readonly TermToken[],
): string {
  let text = lower;
  for (const match of matches) {
    const start = tokens[match.start]!.start;
    const end = tokens[match.end - 1]!.end;
    text = `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;
  }
  return text;
}

function readStrength(text: string, several: boolean): string | null {
  const found: string[] = [];
  for (const match of text.matchAll(STRENGTH)) {
    found.push(normaliseStrength(match[1]!, match[2]!));
    if (!several) break;
  }
  if (found.length > 0) return found.join('/');
  const ratio = BARE_RATIO.exec(text);
  return ratio ? ratio[1]! : null;
}

function readDispensed(text: string): number | null {
  for (const pattern of DISPENSED_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return Number(match[1]);
  }
  return null;
}

/** The class an ingredient takes in this request: an oral drug asked for as a cream or gel is a topical. */
function classInForm(drugClass: DrugClass, forms: ReadonlySet<string>): DrugClass {
  if (forms.size === 0 || drugClass === 'TOPICAL' || drugClass === 'COMPOUND') return drugClass;
  if (drugClass === 'OPIOID' && [...forms].every((form) => OPIOID_KEEPING_FORMS.has(form))) return drugClass;
  return 'TOPICAL';
}

/**
 * The drug a request heading names, from all drug matches in it. Two or more ingredients in a topical form
 * or with percent strengths, a "compounded" word or a named compounded product make a COMPOUND whose generic
 * lists the ingredients. Two oral drugs ("Norco and Soma") are the first one.
 */
export function buildDrug(
  title: string,
  tokens: readonly TermToken[],
  matches: readonly PhraseMatch<DrugName>[],
): Drug | null {
  const drugs = matches.filter((match) => !match.value.compoundWord);
  const compoundWords = matches.filter((match) => match.value.compoundWord);
  if (drugs.length === 0 && compoundWords.length === 0) return null;
  const forms = new Set<string>();
  for (const token of tokens) if (TOPICAL_FORMS.has(token.term)) forms.add(token.term);
  const generics = [
    ...new Set(drugs.map((match) => match.value.entry.generic ?? match.value.name.toLowerCase())),
  ];
  const namedCompound = drugs.some((match) => match.value.entry.drugClass === 'COMPOUND');
  const lower = (title.length > 2000 ? title.slice(0, 2000) : title).toLowerCase();
  const rest = withoutNames(lower, matches, tokens);
  // Percent strengths are how compounding pharmacies write a cream's ingredients, form word or not.
  const topicalMix = forms.size > 0 || rest.includes('%');
  const isCompound = compoundWords.length > 0 || namedCompound || (generics.length >= 2 && topicalMix);
  const dispensed = readDispensed(rest);
  if (isCompound) {
    const first = drugs[0]?.value;
    const single = drugs.length === 1 && first !== undefined;
    return {
      name:
        drugs.length > 0 ? drugs.map((match) => match.value.name).join('/') : compoundWords[0]!.value.name,
      generic: single ? first.entry.generic : generics.length > 0 ? generics.join('/') : null,
      drugClass: 'COMPOUND',
      strength: readStrength(rest, drugs.length > 1),
      dispensed,
    };
  }
  const first = drugs[0]!.value;
  return {
    name: first.name,
    generic: first.entry.generic,
    drugClass: classInForm(first.entry.drugClass, forms),
    // A dictionary name may hold the strength itself ("lidocaine 5% patch").
    strength: readStrength(rest, false) ?? readStrength(first.name.toLowerCase(), false),
    dispensed,
  };
}

// A dose written in the heading: what makes an unknown name a drug ("Xylofen 10mg #30").
const DOSE = /\d\s?(?:mg|mcg|%)(?![a-z])/;

/** Whether a heading states a dose, so that a name the dictionary lacks is still read as a drug. */
export function statesDose(title: string): boolean {
  return DOSE.test(title.length > 2000 ? title.slice(0, 2000).toLowerCase() : title.toLowerCase());
}

/** A drug the dictionary does not know: its name as written, no generic, OTHER (TOPICAL as a cream). */
export function unknownDrug(title: string, tokens: readonly TermToken[], name: string): Drug {
  const lower = (title.length > 2000 ? title.slice(0, 2000) : title).toLowerCase();
  const forms = new Set(tokens.filter((token) => TOPICAL_FORMS.has(token.term)).map((token) => token.term));
  return {
    name,
    generic: null,
    drugClass: classInForm('OTHER', forms),
    strength: readStrength(lower, false),
    dispensed: readDispensed(lower),
  };
}

/** Drug-name matches in a token list (brands, generics, compound words), left to right. */
export function findDrugNames(tokens: readonly TermToken[]): PhraseMatch<DrugName>[] {
  return DRUG_MATCHER.findAll(tokens);
}

/** The treatment name of a drug: its generic, else the product's first listed name ("terocin"). */
export function drugTreatmentName(drug: Drug): string {
  if (drug.generic !== null) return drug.generic;
  const entry = ENTRY_BY_NAME.get(drug.name);
  return (entry?.names[0] ?? drug.name).toLowerCase();
}

/** Distinct drugs in the dictionary: generics, plus products that have none. */
export function dictionaryDrugs(): Array<{ key: string; drugClass: DrugClass }> {
  const byKey = new Map<string, DrugClass>();
  for (const entry of DRUGS) byKey.set(entry.generic ?? entry.names[0]!.toLowerCase(), entry.drugClass);
  return [...byKey].map(([key, drugClass]) => ({ key, drugClass }));
}
