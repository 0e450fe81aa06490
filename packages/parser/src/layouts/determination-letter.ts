import type { ParseContext } from '../parse-context';
import { readDeterminationItems } from '../sections/determination-items.section';
import { readDiagnoses } from '../sections/diagnoses.section';
import { findCaseNumber, readHeaderBlock } from '../sections/header.section';
import {
  type LetterSections,
  sectionText,
  sectionTexts,
  splitLetterSections,
} from '../sections/letter-sections';
import { readPatient } from '../sections/patient.section';
import { readProseDates } from '../sections/prose-dates.section';
import { readReviewer } from '../sections/reviewer.section';
import { unwrapLines } from '../text/unwrap-lines';
import { headerDatesOverProse } from './letter-dates';
import type { LayoutReading } from './letter-layout';

const SUMMARY_PREAMBLE =
  /^The\s?expert\s?reviewer\s?developed\s?the\s?following\s?clinical\s?case\s?summary\s?based\s?on\s?a\s?review\s?of\s?the\s?case\s?file,?\s?including\s?all\s?medical\s?records\s?:?\s?/i;

/** The text the qualifications live in: their own section, else everything before the case summary. */
function qualificationsText(sections: LetterSections, text: string): string {
  const own = sectionText(sections, 'qualifications');
  if (own !== null) return own;
  const firstOther = sections.sections.find((section) => section.kind !== 'documents');
  return firstOther === undefined ? text : text.slice(0, firstOther.start);
}

/**
 * Reads a 2014+ determination letter (headed sections: how the determination was made, clinical case summary,
 * decisions and rationales). `format` names the variant from whether a header block was found.
 */
export function readDeterminationLetter(
  text: string,
  context: ParseContext,
  format: (hasHeaderBlock: boolean) => string,
): LayoutReading {
  const sections = splitLetterSections(text);
  const header = readHeaderBlock(sections.head, context);
  const summarySection = sectionText(sections, 'summary');
  const summary = summarySection === null ? null : unwrapLines(summarySection).replace(SUMMARY_PREAMBLE, '');
  // The normalised text has single spaces and line breaks only: the prose patterns read it as it is.
  const proseDates = readProseDates(text, context);
  return {
    format: format(header.found),
    caseNumber: header.caseNumber ?? findCaseNumber(text),
    dates: headerDatesOverProse(header.dates, proseDates),
    priority: header.priority,
    reviewer: readReviewer(qualificationsText(sections, text), context),
    patient: readPatient(summary ?? text),
    diagnoses: summary === null ? [] : readDiagnoses(summary),
    summary: summary === null || summary.length === 0 ? null : summary,
    // Each decision section on its own: an item title never runs across a heading.
    items: sectionTexts(sections, 'decisions').flatMap((decisions) =>
      readDeterminationItems(decisions, context),
    ),
  };
}
