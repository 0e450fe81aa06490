import { formatDate } from '../calendar';
import type { ItemModel } from '../draw-item';
import type { LetterModel } from '../draw-letter';
import { guidelineLine2016 } from '../guideline-citation';
import type { SeededRandom } from '../seeded-random';
import { decisionWord } from './pdf-text.layout';
import { wrapWords } from './pdf-text-writer';
import { credentialsBlock, determinationParagraph } from './reviewer-prose';

// The letters of December 2016 - February 2017 as the project's PDF path extracts them from the published
// PDFs (../shared/corpus/real-2016-17, measured; no text of theirs is copied here): one line per printed
// line, no blank lines, a form feed opening each page after the first; the header table read row by row
// ("Priority: Standard Application" / "Received:" / the date); the credentials block; item headings
// "<title>: Upheld", wrapped like body text, so the outcome word of a long title falls on the next line;
// guideline lines naming MTUS chapters by edition and section ("MAXIMUS guideline: Decision based on MTUS
// Chronic Pain Medical Treatment 2016, Section(s): ...").

class PrintedLines {
  private readonly lines: string[] = [];

  constructor(
    private readonly width: number,
    private readonly pageLines: number,
  ) {}

  line(text: string): void {
    // pdf.js joins pages with a newline and a form feed: the feed starts the new page's first line.
    const pageBreak = this.lines.length > 0 && this.lines.length % this.pageLines === 0;
    this.lines.push(pageBreak ? `\f${text}` : text);
  }

  /** A paragraph wrapped at the page width; guideline lines never break after a hyphen (see PdfTextWriter). */
  paragraph(text: string, random: SeededRandom | null): void {
    for (const line of wrapWords(text, this.width, random)) this.line(line);
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

function writeItem(out: PrintedLines, item: ItemModel, random: SeededRandom): void {
  // The heading is printed as running text: "<title>: Upheld", wrapped where the line is full.
  out.paragraph(`${item.truth.title}: ${decisionWord(item.truth.decision)}`, null);
  out.paragraph(`Claims Administrator guideline: ${guidelineLine2016(item.claimsAdministrator)}`, null);
  out.paragraph(`MAXIMUS guideline: ${guidelineLine2016(item.reviewer)}`, null);
  out.paragraph(`Decision rationale: ${item.truth.rationale}`, random);
}

export function renderPdf2016(model: LetterModel, random: SeededRandom): string {
  const out = new PrintedLines(random.int(88, 98), random.int(34, 41));
  const date = (day: number) => formatDate(day, 'MM/DD/YYYY');
  const { dates } = model;
  out.line(`Case Number: ${model.caseNumber}`);
  out.line(`Date Assigned: ${date(dates.assigned)} Date of Injury: ${date(dates.injury)}`);
  out.line(`Decision Date: ${date(dates.decision)} UR Denial Date: ${date(dates.urDenial)}`);
  out.line(`Priority: ${model.priority === 'EXPEDITED' ? 'Expedited' : 'Standard'} Application`);
  out.line('Received:');
  out.line(date(dates.applicationReceived));
  out.line('HOW THE IMR FINAL DETERMINATION WAS MADE');
  out.paragraph(determinationParagraph(model, random, false), random);
  const [intro, licensure, certifications] = credentialsBlock(model, random);
  out.line(intro!);
  // The published block lists licence states with a bare comma ("California,Texas").
  out.line(licensure!.replaceAll(', ', ','));
  out.line(certifications!);
  out.line('CLINICAL CASE SUMMARY');
  out.paragraph(
    'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
    null,
  );
  out.paragraph(model.summary, random);
  out.line('IMR ISSUES, DECISIONS AND RATIONALES');
  out.line('The Final Determination was based on decisions for the disputed items/services set forth below:');
  for (const item of model.items) writeItem(out, item, random);
  return out.toString();
}
