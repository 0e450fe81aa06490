import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertCorpusOutsideCi, REAL_CORPUS_DIR, realCorpus } from '../../../../test/real-corpus';
import { extractPdfText, parseLetterPdf } from './parse-letter-pdf';

// PDFium's text of the real letters reads as pdf.js's did (docs/pdf-extraction.md measured the two equal on every
// parsed field): none of PDFium's own marks left in, and every letter parses to its case number.
const real = realCorpus();
assertCorpusOutsideCi(real);

describe.skipIf(!real.present)('real letters through the PDF path', () => {
  const files = real.present ? real.files.map((name) => join(REAL_CORPUS_DIR, name)) : [];

  it('leaves no PDFium marks: line-end hyphens are hyphens, lines end in \\n, pages part with \\f', async () => {
    for (const file of files.slice(0, 40)) {
      const text = await extractPdfText(readFileSync(file));
      expect(text, file).not.toMatch(/[\uFFFE\uFFFF\r\0]/);
      expect(text.split('\f').length, file).toBeGreaterThan(1);
    }
  });

  it('parses every letter, with its case number, decision date and every item decided', async () => {
    for (const file of files) {
      const result = await parseLetterPdf(readFileSync(file));
      if (!result.ok) throw new Error(`${file}: ${result.error}`);
      const { letter } = result;
      expect(letter.caseNumber, file).toBe(basename(file, '.pdf'));
      expect(letter.dates.decision, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(letter.items.length, file).toBeGreaterThan(0);
      for (const item of letter.items) expect(item.decision, file).toMatch(/^(UPHELD|OVERTURNED)$/);
    }
  }, 60_000);
});
