import { PhraseMatcher } from './phrase-matcher';
import { SPECIALTIES, type SpecialtyEntry, SUBSPECIALTIES } from './specialties.data';
import { MAX_TERM_INPUT, tokenizeTerms } from './term-tokens';

function buildMatcher(entries: readonly SpecialtyEntry[], what: string): PhraseMatcher<string> {
  return new PhraseMatcher(
    entries.flatMap((entry) => entry.synonyms.map((synonym) => [synonym, entry.name] as const)),
    what,
  );
}

const SPECIALTY_MATCHER = buildMatcher(SPECIALTIES, 'specialties.data SPECIALTIES');
const SUBSPECIALTY_MATCHER = buildMatcher(SUBSPECIALTIES, 'specialties.data SUBSPECIALTIES');
// Both dictionaries at once, a board certification winning a name listed in both (the first value is kept).
const CREDENTIAL_MATCHER = new PhraseMatcher<{ name: string; sub: boolean }>(
  [
    ...SPECIALTIES.flatMap((e) => e.synonyms.map((s) => [s, { name: e.name, sub: false }] as const)),
    ...SUBSPECIALTIES.flatMap((e) => e.synonyms.map((s) => [s, { name: e.name, sub: true }] as const)),
  ],
  'specialties.data',
);

function namesIn(text: string, matcher: PhraseMatcher<string>): string[] {
  // "&" is "and" in "Physical Medicine & Rehabilitation".
  const tokens = tokenizeTerms(text.slice(0, MAX_TERM_INPUT).replace(/&/g, ' and '));
  return [...new Set(matcher.findAll(tokens).map((match) => match.value))];
}

/** Board certifications named in a phrase, normal forms, in order, each once; longest phrase wins. */
export function matchSpecialties(text: string): string[] {
  return namesIn(text, SPECIALTY_MATCHER);
}

/** Subspecialties named in a phrase ("has a subspecialty in Interventional Spine"), normal forms, in order. */
export function matchSubspecialties(text: string): string[] {
  return namesIn(text, SUBSPECIALTY_MATCHER);
}

/**
 * A list that mixes certifications and subspecialties ("Physical Medicine & Rehabilitation, Pediatric
 * Rehabilitation Medicine"): each name sorted to its kind, the longest phrase winning ("Pediatric
 * Rehabilitation Medicine" is one subspecialty, not Pediatrics).
 */
export function matchCredentials(text: string): { specialties: string[]; subspecialties: string[] } {
  const tokens = tokenizeTerms(text.slice(0, MAX_TERM_INPUT).replace(/&/g, ' and '));
  const matches = CREDENTIAL_MATCHER.findAll(tokens).map((match) => match.value);
  return {
    specialties: [...new Set(matches.filter((m) => !m.sub).map((m) => m.name))],
    subspecialties: [...new Set(matches.filter((m) => m.sub).map((m) => m.name))],
  };
}
