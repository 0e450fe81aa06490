import { readDiagnoses } from '../sections/diagnoses.section';
import { findCaseNumber, readHeaderBlock } from '../sections/header.section';
import { readNoticeItems } from '../sections/notice-items.section';
import { readPatient } from '../sections/patient.section';
import { readProseDates } from '../sections/prose-dates.section';
import { readReviewer } from '../sections/reviewer.section';
import { unwrapLines } from '../text/unwrap-lines';
import { headerDatesOverProse } from './letter-dates';
import type { LetterLayout } from './letter-layout';

const NOTICE =
  /Notice\s?of\s?Independent\s?Medical\s?Review\s?Determination|has\s?determined\s?(?:that\s)?the\s?request\s?for|Regarding\s?the\s?request\s?for/i;
const QUALIFICATIONS = /Medical\s?Qualifications\s?of\s?the\s?Expert\s?Reviewer\s?:?/i;
const CASE_SUMMARY = /(?:Expert\s?Reviewer\s?)?Case\s?Summary\s?:/gi;
const AFTER_SUMMARY =
  /Documents\s?Reviewed|(?:\b\d{1,2}\s?[.)]\s?)?Regarding\s?the\s?request\s?for|Expert\s?Reviewer\s?Case\s?Review|Rationale\s?and\s?Decisions?\s?:/i;
const FIRST_DETERMINATION =
  /(?:\b\d{1,2}\s?[.)]\s?)?MAXIMUS\s?Federal\s?Services,?\s?Inc\.?,?\s?has\s?determined|Dear\s|Final\s?Determination\s?:/i;
const DISCLAIMER = /^Disclaimer\s?:[^.]{0,300}\.\s?/i;

function indexOrEnd(match: RegExpExecArray | null, text: string): number {
  return match ? match.index : text.length;
}

/**
 * The 2013 "Notice of Independent Medical Review Determination": numbered "MAXIMUS Federal Services, Inc. has
 * determined the request for ... is (not) medically necessary and appropriate" decisions, "Medical
 * Qualifications of the Expert Reviewer:", "Case Summary:", then one "Regarding the request for ...:" section
 * per item.
 */
export const notice2013Layout: LetterLayout = {
  name: 'notice-2013',
  detect: (text) => NOTICE.test(text),
  read(text, context) {
    const qualifications = QUALIFICATIONS.exec(text);
    const head = text.slice(
      0,
      Math.min(indexOrEnd(FIRST_DETERMINATION.exec(text), text), indexOrEnd(qualifications, text)),
    );
    const header = readHeaderBlock(head, context);

    let summaryStart = -1;
    CASE_SUMMARY.lastIndex = qualifications ? qualifications.index : 0;
    // "Expert Reviewer Case Summary:" may be followed by "Case Summary:": the summary follows the last of them.
    for (let match = CASE_SUMMARY.exec(text); match !== null; match = CASE_SUMMARY.exec(text)) {
      if (summaryStart !== -1 && match.index - summaryStart > 40) break;
      summaryStart = match.index + match[0].length;
    }
    let summary: string | null = null;
    if (summaryStart !== -1) {
      const rest = text.slice(summaryStart);
      const end = indexOrEnd(AFTER_SUMMARY.exec(rest), rest);
      summary = unwrapLines(rest.slice(0, end)).replace(DISCLAIMER, '');
      if (summary.length === 0) summary = null;
    }
    const qualificationsText = qualifications
      ? text.slice(
          qualifications.index + qualifications[0].length,
          summaryStart === -1 ? undefined : summaryStart,
        )
      : text;
    // The normalised text has single spaces and line breaks only: the prose patterns read it as it is.
    return {
      format: 'notice-2013',
      caseNumber: header.caseNumber ?? findCaseNumber(text),
      dates: headerDatesOverProse(header.dates, readProseDates(text, context)),
      priority: header.priority,
      reviewer: readReviewer(qualificationsText, context),
      patient: readPatient(summary ?? text),
      diagnoses: summary === null ? [] : readDiagnoses(summary),
      summary,
      items: readNoticeItems(text, context),
    };
  },
};
