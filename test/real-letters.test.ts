import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfText, type ParsedLetter, parseLetter } from '@imr/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCorpusOutsideCi, REAL_CORPUS_DIR, realCorpus } from './real-corpus';

// Every published 2016-17 letter through the project's own PDF path (extractPdfText then parseLetter, which is
// parseLetterPdf with the text kept), held to what a reader of the letter sees: its case number, a decision for
// every item, the header fields, whole item titles.

const corpus = realCorpus();
assertCorpusOutsideCi(corpus);

const DATE_ONLY = /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/;
const PAGE_FOOTER = /\bPage\s\d+\s(?:of\s\d+)?\b|\bCM1\d-\d{7}\b/i;
const PORTION_LEAD_IN = /remaining\s?IMR\s?eligible|^(?:The\s)?original\s?request\s?,/i;
// A title starting in lower case after a lower-case word is the tail of a wrapped line ("and low back").
const PARTIAL_HEADING =
  /(?:remaining\s?IMR\s?eligible\s?portion\s?of\s?the\s?original\s?request|The\s?original\s?request)\s?,(?:[^:.]|\.(?=\d)){1,300}:\s?(?:Upheld|Overturned|Partially\s?Overturned)/gi;
const WRAPPED_TAIL = /^(?:and|or|of|for|to|with|the|a|times|per|is)\b/;

const describeReal = corpus.present ? describe : describe.skip;
const reason = corpus.present ? `${corpus.files.length} letters` : `skipped: ${corpus.reason}`;

describeReal(`real 2016-17 letters parsed from their PDFs (${reason})`, () => {
  const letters = new Map<string, ParsedLetter>();
  const texts = new Map<string, string>();
  const failures: string[] = [];

  beforeAll(async () => {
    if (!corpus.present) return;
    for (const file of corpus.files) {
      try {
        const text = await extractPdfText(readFileSync(join(REAL_CORPUS_DIR, file)));
        const result = parseLetter(text);
        if (result.ok) letters.set(file, result.letter);
        else failures.push(`${file}: ${result.error}`);
        texts.set(file, text);
      } catch (error) {
        failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }, 300_000);

  it('reads all 160 letters', () => {
    expect(failures).toEqual([]);
    expect(letters.size).toBe(160);
  });

  it('reads each case number as the file names it, and the header fields', () => {
    const wrong = [...letters].flatMap(([file, l]) => {
      const problems = [
        l.caseNumber === file.replace(/\.pdf$/, '') ? null : `case number ${l.caseNumber}`,
        l.dates.decision === null ? 'no decision date' : null,
        l.priority === null ? 'no priority' : null,
        l.reviewer.specialties.length === 0 ? 'no reviewer specialty' : null,
        l.reviewer.licensedIn.length === 0 ? 'no licence state' : null,
        l.items.length === 0 ? 'no items' : null,
      ].filter((p) => p !== null);
      return problems.map((p) => `${file}: ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it('decides every item', () => {
    const undecided = [...letters].flatMap(([file, l]) =>
      l.items.filter((i) => i.decision === 'UNKNOWN').map((i) => `${file}: ${i.title}`),
    );
    expect(undecided).toEqual([]);
  });

  it('keeps item titles whole: never a date, a page footer, a wrapped line tail or a partial-certification lead-in', () => {
    const broken = [...letters].flatMap(([file, l]) =>
      l.items
        .filter(
          (i) =>
            DATE_ONLY.test(i.title) ||
            PAGE_FOOTER.test(i.title) ||
            WRAPPED_TAIL.test(i.title) ||
            PORTION_LEAD_IN.test(i.title) ||
            i.title.length < 3,
        )
        .map((i) => `${file}: ${i.title}`),
    );
    expect(broken).toEqual([]);
  });

  it('marks the items whose request utilization review partly certified, and classifies what follows', () => {
    // Counted in the text independently of the parser: a lead-in, the request, then its decision.
    const headings = (text: string) => text.match(PARTIAL_HEADING)?.length ?? 0;
    const counts = [...letters].map(([file, l]) => [
      file,
      l.items.filter((i) => i.partiallyCertified).length,
      headings(texts.get(file)!),
    ]);
    expect(counts.filter(([, parsed, written]) => parsed !== written)).toEqual([]);
    const partial = [...letters.values()].flatMap((l) => l.items.filter((i) => i.partiallyCertified));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.filter((i) => i.category === 'OTHER').map((i) => i.title)).toEqual([]);
  });

  it('classifies all but under 2 % of the items (OTHER)', () => {
    const items = [...letters.values()].flatMap((l) => l.items);
    const other = items.filter((i) => i.category === 'OTHER');
    expect(other.length / items.length).toBeLessThan(0.02);
  });
});
