import { formatDate } from '../calendar';
import type { LetterModel } from '../draw-letter';
import { citationText2014 } from '../guideline-citation';
import type { SeededRandom } from '../seeded-random';
import { decisionWord } from './pdf-text.layout';
import { determinationParagraph } from './reviewer-prose';

// Seed 001: the same letter as published in HTML-ish text: a tab-separated header block with bold labels
// (case number, the five dates, priority), markdown headings, one unwrapped line per paragraph, and item
// headings "**<title>:**  " with the decision alone on the next line.

export function renderHeaderBlock(model: LetterModel, random: SeededRandom): string {
  const date = (day: number) => formatDate(day, 'MM/DD/YYYY');
  const { dates } = model;
  const priority = model.priority === 'EXPEDITED' ? 'Expedited' : 'Standard';
  const out: string[] = [
    '',
    '',
    `<b>Case Number:</b>\t${model.caseNumber}\t\t`,
    `<b>Date Assigned:</b>\t${date(dates.assigned)}\t<b>Date of Injury:</b>\t${date(dates.injury)}`,
    `<b>Decision Date:</b>\t${date(dates.decision)}\t<b>UR Denial Date:</b>\t${date(dates.urDenial)}`,
    `<b>Priority:</b>\t${priority}\t<b>Application Received:</b>\t${date(dates.applicationReceived)}`,
    '',
    '### HOW THE IMR FINAL DETERMINATION WAS MADE',
    '',
    determinationParagraph(model, random, true),
    '',
    '### CLINICAL CASE SUMMARY',
    '',
    'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
    '',
    model.summary,
    '',
    '## IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
  ];
  for (const item of model.items) {
    out.push(
      '',
      `**${item.truth.title}:**  `,
      decisionWord(item.truth.decision),
      '',
      `**Claims Administrator guideline:** ${item.claimsAdministrator.map(citationText2014).join('  ')}`,
      '',
      `**MAXIMUS guideline:** ${item.reviewer.map(citationText2014).join('  ')}`,
      '',
      `**Decision rationale:** ${item.truth.rationale}`,
    );
  }
  return out.join('\n');
}
