import { formatDate } from '../calendar';
import type { LetterModel } from '../draw-letter';
import { citationText2013 } from '../guideline-citation';
import type { SeededRandom } from '../seeded-random';
import { PdfTextWriter } from './pdf-text-writer';
import { qualificationSentence } from './reviewer-prose';

// The 2013 "Notice of Independent Medical Review Determination" layout, as text extracted from its PDF (same
// hard wrapping as the 2014+ PDFs: " \n\n" after every line). The wording, line by line (<...> varies, [...]
// optional):
//
//   Notice of Independent Medical Review Determination
//   Dated: <M/D/YYYY decision date>
//   Date of UR Decision: <M/D/YYYY>
//   Date of Injury: <M/D/YYYY>
//   IMR Application Received: <M/D/YYYY>
//   MAXIMUS Case Number: <CM13-0016522>
//   MAXIMUS Federal Services, Inc. has completed its Independent Medical Review ... (paragraph)
//   Final Determination: UPHOLD | OVERTURN | PARTIAL OVERTURN. This means we decided that ... (paragraph)
//   HOW THE IMR FINAL DETERMINATION WAS MADE
//   1. MAXIMUS Federal Services, Inc. has determined the request for <title> is not medically necessary and appropriate.
//   2. MAXIMUS Federal Services, Inc. has determined the request for <title> is medically necessary and appropriate.
//   Medical Qualifications of the Expert Reviewer:
//   The expert reviewer is Board Certified in <...>[, has a subspecialty in <...>] and is licensed to practice in <...>. ...
//   Case Summary:
//   <summary paragraph>
//   1) Regarding the request for <title>:
//   Medical Treatment Guideline(s) the Claims Administrator used:
//   The Claims Administrator based its decision on the <guideline>, <topic>, pages <n-m>, which is part of the MTUS.
//     | The Claims Administrator did not cite any evidence-based guidelines for its decision.
//   Medical Treatment Guideline(s) the Expert Reviewer used:
//   The Expert Reviewer based his/her decision on the <...>, which is [not] part of the MTUS.[ The Expert Reviewer
//   also based his/her decision on the <...>, which is [not] part of the MTUS.]
//   Rationale for the Decision:
//   <rationale paragraph>
//
// "is not medically necessary and appropriate" is UPHELD, "is medically necessary and appropriate" OVERTURNED;
// this layout has no partial decisions per item. Long numbered lines and "Regarding" headings wrap like any
// other line, so a title may continue on the next printed line.

function finalDetermination(model: LetterModel): string {
  const overturned = model.items.filter((item) => item.truth.decision !== 'UPHELD').length;
  if (overturned === 0) {
    return 'Final Determination: UPHOLD. This means we decided that none of the disputed items/services are medically necessary and appropriate. A full explanation of the decision for each of the disputed items/services is provided later in this letter.';
  }
  if (overturned === model.items.length) {
    return 'Final Determination: OVERTURN. This means we decided that all of the disputed items/services are medically necessary and appropriate. A full explanation of the decision for each of the disputed items/services is provided later in this letter.';
  }
  return 'Final Determination: PARTIAL OVERTURN. This means we decided that some, but not all, of the disputed items/services are medically necessary and appropriate. A full explanation of the decision for each of the disputed items/services is provided later in this letter.';
}

export function renderNotice2013(model: LetterModel, random: SeededRandom): string {
  const writer = new PdfTextWriter(random, random.int(88, 96), random.int(40, 48));
  const date = (day: number) => formatDate(day, 'M/D/YYYY');
  writer.line('Notice of Independent Medical Review Determination');
  writer.gap();
  writer.line(`Dated: ${date(model.dates.decision)}`);
  writer.gap();
  writer.line(`Date of UR Decision: ${date(model.dates.urDenial)}`);
  writer.line(`Date of Injury: ${date(model.dates.injury)}`);
  writer.line(`IMR Application Received: ${date(model.dates.applicationReceived)}`);
  writer.line(`MAXIMUS Case Number: ${model.caseNumber}`);
  writer.gap();
  writer.paragraph(
    "MAXIMUS Federal Services, Inc. has completed its Independent Medical Review (IMR) of the above workers' compensation case. This letter provides you with the IMR Final Determination and explains how the determination was made.",
  );
  writer.gap();
  writer.paragraph(finalDetermination(model));
  writer.gap();
  writer.paragraph(
    'This determination is final and binding. You may appeal this determination only on the grounds set out in Labor Code section 4610.6(h).',
    '',
    false,
  );
  writer.gap();
  writer.line('HOW THE IMR FINAL DETERMINATION WAS MADE');
  model.items.forEach((item, i) => {
    const necessary =
      item.truth.decision === 'UPHELD'
        ? 'is not medically necessary and appropriate'
        : 'is medically necessary and appropriate';
    writer.paragraph(
      `${i + 1}. MAXIMUS Federal Services, Inc. has determined the request for ${item.truth.title} ${necessary}.`,
      '',
      false,
    );
  });
  writer.gap();
  writer.line('Medical Qualifications of the Expert Reviewer:');
  writer.paragraph(
    `${qualificationSentence(model, random)} He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice.`,
  );
  writer.gap();
  writer.line('Case Summary:');
  writer.paragraph(model.summary);
  writer.gap();
  writer.gap();
  model.items.forEach((item, i) => {
    writer.paragraph(`${i + 1}) Regarding the request for ${item.truth.title}:`, '', false);
    writer.line('Medical Treatment Guideline(s) the Claims Administrator used:');
    writer.paragraph(
      item.claimsAdministrator.map((citation, n) => citationText2013(citation, n === 0)).join(' '),
      '',
      false,
    );
    writer.line('Medical Treatment Guideline(s) the Expert Reviewer used:');
    writer.paragraph(
      item.reviewer.map((citation, n) => citationText2013(citation, n === 0)).join(' '),
      '',
      false,
    );
    writer.line('Rationale for the Decision:');
    writer.paragraph(item.truth.rationale);
    writer.gap();
  });
  writer.empty();
  return writer.toString();
}
