import type { BodyRegion } from '../types';
import { BODY_REGION_WORDS } from './body-regions.data';
import { PhraseMatcher } from './phrase-matcher';
import { tokenizeTerms } from './term-tokens';

const REGION_MATCHER = new PhraseMatcher(
  (Object.entries(BODY_REGION_WORDS) as Array<[BodyRegion, readonly string[]]>).flatMap(([region, words]) =>
    words.map((word) => [word, region] as const),
  ),
  'body-regions.data',
);

/** Body regions an item heading names, in order of first appearance, each once. */
export function findBodyRegions(title: string): BodyRegion[] {
  return [...new Set(REGION_MATCHER.findAll(tokenizeTerms(title)).map((match) => match.value))];
}

/** Token spans of region words, for callers that strip them from a treatment name. */
export function bodyRegionSpans(
  tokens: Parameters<typeof REGION_MATCHER.findAll>[0],
): Array<[number, number]> {
  return REGION_MATCHER.findAll(tokens).map((match) => [match.start, match.end]);
}
