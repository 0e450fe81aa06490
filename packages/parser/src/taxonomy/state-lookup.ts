import { PhraseMatcher } from './phrase-matcher';
import { STATE_CODES_THAT_ARE_WORDS, US_STATES } from './states.data';
import { tokenizeTerms } from './term-tokens';

const CODES: ReadonlySet<string> = new Set(US_STATES.map((state) => state.code));
const NAME_TO_CODE: ReadonlyMap<string, string> = new Map(
  US_STATES.flatMap((state) => state.names.map((name) => [foldName(name), state.code] as const)),
);
const NAME_MATCHER = new PhraseMatcher(
  US_STATES.flatMap((state) => state.names.map((name) => [name, state.code] as const)),
  'states.data',
);

function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The USPS code of a state named in full or by code, any case ("north carolina" → "NC"); null if none. */
export function stateCode(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 2 && CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (trimmed.length > 40) return null;
  return NAME_TO_CODE.get(foldName(trimmed)) ?? null;
}

/**
 * Every state a phrase names, in order of first appearance, without repeats ("California, Texas and New York"
 * → CA, TX, NY). Two-letter codes count only when written in capitals, and codes that are also words
 * ("IN", "OR", "ME") only when no state is named in full, so "licensed in California or Oregon" is not Indiana.
 */
export function matchStates(text: string): string[] {
  const tokens = tokenizeTerms(text);
  const original = text.length > 2000 ? text.slice(0, 2000) : text;
  const byName = NAME_MATCHER.findAll(tokens);
  const found: Array<{ at: number; code: string }> = byName.map((match) => ({
    at: match.start,
    code: match.value,
  }));
  const taken = new Set<number>();
  for (const match of byName) for (let i = match.start; i < match.end; i++) taken.add(i);
  tokens.forEach((token, index) => {
    if (taken.has(index) || token.raw.length !== 2) return;
    const written = original.slice(token.start, token.end);
    const code = written.toUpperCase();
    if (written !== code || !CODES.has(code)) return;
    if (STATE_CODES_THAT_ARE_WORDS.has(code) && byName.length > 0) return;
    found.push({ at: index, code });
  });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((entry) => entry.code))];
}
