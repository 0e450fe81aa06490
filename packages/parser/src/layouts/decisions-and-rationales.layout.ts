import { readDeterminationLetter } from './determination-letter';
import type { LetterLayout } from './letter-layout';

const DECISIONS_AND_RATIONALES_HEADING = /IMR\s?DECISION\s?\(?S?\)?\s?AND\s?RATIONALE\s?\(?S?\)?/;

/**
 * The variant headed "IMR DECISION(S) AND RATIONALE(S)", usually with a "DOCUMENTS REVIEWED" section; the
 * items read as in the 2014 layout.
 */
export const decisionsAndRationalesLayout: LetterLayout = {
  name: 'decisions-and-rationales',
  detect: (text) => DECISIONS_AND_RATIONALES_HEADING.test(text),
  read: (text, context) => readDeterminationLetter(text, context, () => 'decisions-and-rationales'),
};
