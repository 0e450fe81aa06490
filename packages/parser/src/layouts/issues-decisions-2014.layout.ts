import { readDeterminationLetter } from './determination-letter';
import type { LetterLayout } from './letter-layout';

const ISSUES_DECISIONS_HEADING = /IMR\s?ISSUES\s?,?\s?DECISIONS?\s?AND\s?RATIONALES?/i;

/**
 * The 2014+ letter: "HOW THE IMR FINAL DETERMINATION WAS MADE" / "CLINICAL CASE SUMMARY" / "IMR ISSUES,
 * DECISIONS AND RATIONALES". As extracted from the published PDFs ("pdf-text"), or with a `Case Number:`
 * header block in HTML, tab-separated or markdown form ("header-block").
 */
export const issuesDecisions2014Layout: LetterLayout = {
  name: 'issues-decisions-2014',
  detect: (text) => ISSUES_DECISIONS_HEADING.test(text),
  read: (text, context) =>
    readDeterminationLetter(text, context, (hasHeaderBlock) =>
      hasHeaderBlock ? 'header-block' : 'pdf-text',
    ),
};
