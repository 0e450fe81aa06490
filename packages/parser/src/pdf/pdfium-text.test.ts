import { describe, expect, it } from 'vitest';
import { loadSeedLetters } from '../seed-letters.fixture';
import { letterPdf } from './letter-pdf.fixture';
import { pdfBomb } from './pdf-bomb.fixture';
import { DEFAULT_PDF_TEXT_LIMITS, PdfLimitError, pdfiumPageTexts } from './pdfium-text';

const seed = loadSeedLetters()[0]!;

describe('pdfiumPageTexts limits', () => {
  it('refuses a document with more pages than the limit before reading any', async () => {
    const bomb = pdfBomb({ streamBytes: 64 * 2 ** 20, pages: 50 });
    const limits = { ...DEFAULT_PDF_TEXT_LIMITS, maxPages: 20 };
    await expect(pdfiumPageTexts(bomb, limits)).rejects.toThrow(new PdfLimitError('50 pages (limit 20)'));
  });

  it('stops when the text passes the character limit', async () => {
    const pdf = await letterPdf(seed.text);
    const limits = { ...DEFAULT_PDF_TEXT_LIMITS, maxChars: 1_000 };
    await expect(pdfiumPageTexts(pdf, limits)).rejects.toThrow(/^text passes 1,000 characters \(page 1\)$/);
  });

  it('fails a file that needs more heap than the cap, then reads the next file with a fresh instance', async () => {
    const limits = { ...DEFAULT_PDF_TEXT_LIMITS, maxHeapMb: 48 };
    const bomb = pdfBomb({ streamBytes: 32 * 2 ** 20, pages: 1 });
    await expect(pdfiumPageTexts(bomb, limits)).rejects.toThrow(
      /^extraction needs more than 48 MB of memory$/,
    );
    const pages = await pdfiumPageTexts(await letterPdf(seed.text), limits);
    expect(pages.join('\f')).toContain('HOW THE IMR FINAL DETERMINATION WAS MADE');
  }, 60_000);
});
