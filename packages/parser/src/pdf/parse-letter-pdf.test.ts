import { describe, expect, it } from 'vitest';
import { goldMismatches } from '../gold-comparison';
import { parseLetter } from '../parse-letter';
import { loadSeedLetters } from '../seed-letters.fixture';
import { imageOnlyPdf, letterPdf } from './letter-pdf.fixture';
import { extractPdfText, parseLetterPdf } from './parse-letter-pdf';

const seeds = loadSeedLetters();

describe('parseLetterPdf', () => {
  it.each(seeds.map((seed) => [seed.name, seed] as const))(
    '%s printed to PDF parses as its text does, gold fields included',
    async (_name, seed) => {
      const pdf = await letterPdf(seed.text);
      expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
      const fromPdf = await parseLetterPdf(pdf);
      const fromText = parseLetter(seed.text);
      if (!fromPdf.ok || !fromText.ok)
        throw new Error(`did not parse: ${JSON.stringify([fromPdf, fromText])}`);
      const { file: _file, ...gold } = seed.gold;
      expect(goldMismatches(gold, fromPdf.letter)).toEqual([]);
      expect(fromPdf.letter).toEqual(fromText.letter);
    },
  );

  it('leaves the caller bytes intact', async () => {
    const pdf = await letterPdf(seeds[0]!.text);
    const copy = pdf.slice();
    await extractPdfText(pdf);
    expect(pdf).toEqual(copy);
  });

  it('gives a clear error for a PDF without a text layer', async () => {
    const result = await parseLetterPdf(await imageOnlyPdf());
    expect(result).toEqual({
      ok: false,
      error: 'the PDF has no text layer (1 page(s), no text: a scanned image?)',
    });
  });

  it('gives a clear error for bytes that are not a PDF', async () => {
    const result = await parseLetterPdf(new TextEncoder().encode('%PDF-1.4 this is not really a pdf'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^not a readable PDF: /);
  });
});
