import type { Decision } from '@imr/parser';
import type { ItemModel } from '../draw-item';
import type { LetterModel } from '../draw-letter';
import { citationText2014 } from '../guideline-citation';
import type { SeededRandom } from '../seeded-random';
import { PdfTextWriter } from './pdf-text-writer';
import { credentialsBlock, determinationParagraph } from './reviewer-prose';

// The 2014+ letters as text extracted from their PDFs (seeds 000, 002, 003, 004) and, with `credentials`,
// seed 004's variant whose reviewer qualifications sit in a "The Expert Reviewer has the following
// credentials:" block. Item headings are bold, so they wrap narrower than body text, and the decision word
// follows the heading's colon on the heading's last line ("WEEK FOR 6 WEEKS):  Overturned") or alone on the
// next line ("... RIGHT SHOULDER: " newline "Upheld").

export function decisionWord(decision: Decision): string {
  switch (decision) {
    case 'UPHELD':
      return 'Upheld';
    case 'OVERTURNED':
      return 'Overturned';
    case 'PARTIALLY_OVERTURNED':
      return 'Partially Overturned';
    case 'UNKNOWN':
      return 'Unknown';
  }
}

function writeHeading(writer: PdfTextWriter, item: ItemModel, random: SeededRandom): void {
  const word = decisionWord(item.truth.decision);
  const lines = writer.heading(`${item.truth.title}:`, random.int(60, 72));
  const last = lines.pop()!;
  for (const line of lines) writer.line(line);
  if (random.chance(0.2)) {
    writer.raw(`${last} \n`);
    writer.line(word);
  } else {
    writer.line(`${last}${random.chance(0.6) ? '  ' : ' '}${word}`);
  }
}

function writeItem(writer: PdfTextWriter, item: ItemModel, random: SeededRandom): void {
  if (random.chance(0.3)) writer.empty();
  writeHeading(writer, item, random);
  writer.gap();
  if (random.chance(0.3)) writer.empty();
  writer.paragraph(
    `Claims Administrator guideline: ${item.claimsAdministrator.map(citationText2014).join('  ')}`,
    '   ',
    false,
  );
  writer.gap();
  writer.paragraph(`MAXIMUS guideline: ${item.reviewer.map(citationText2014).join('  ')}`, '   ', false);
  writer.gap();
  writer.paragraph(`Decision rationale:${random.chance(0.1) ? '  ' : ' '}${item.truth.rationale}`);
  writer.gap();
}

export function renderPdfText(model: LetterModel, random: SeededRandom): string {
  const writer = new PdfTextWriter(random, random.int(88, 96), random.int(40, 48));
  const credentials = model.layout === 'credentials';
  writer.line(' HOW THE IMR FINAL DETERMINATION WAS MADE');
  writer.paragraph(determinationParagraph(model, random, !credentials));
  writer.gap();
  if (credentials) {
    for (const line of credentialsBlock(model, random)) writer.line(line);
    writer.gap();
  }
  writer.line('CLINICAL CASE SUMMARY');
  writer.paragraph(
    'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
  );
  writer.gap();
  writer.paragraph(model.summary);
  writer.gap();
  writer.line('IMR ISSUES, DECISIONS AND RATIONALES');
  writer.line(
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
  );
  writer.gap();
  for (const item of model.items) writeItem(writer, item, random);
  for (let i = random.int(0, 3); i > 0; i--) writer.gap();
  writer.empty();
  return writer.toString();
}
