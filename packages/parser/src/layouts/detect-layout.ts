import { decisionsAndRationalesLayout } from './decisions-and-rationales.layout';
import { issuesDecisions2014Layout } from './issues-decisions-2014.layout';
import type { LetterLayout } from './letter-layout';
import { notice2013Layout } from './notice-2013.layout';

/** Most specific first: a 2014+ decision heading decides before the 2013 notice wording does. */
export const LETTER_LAYOUTS: readonly LetterLayout[] = [
  issuesDecisions2014Layout,
  decisionsAndRationalesLayout,
  notice2013Layout,
];

/** The layout whose distinctive decision section the text has, or null when it has none. */
export function detectLayout(text: string): LetterLayout | null {
  return LETTER_LAYOUTS.find((layout) => layout.detect(text)) ?? null;
}
