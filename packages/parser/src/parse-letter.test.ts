import { describe, expect, it } from 'vitest';
import { parseLetter } from './parse-letter';
import { PARSER_VERSION } from './parser-version';
import { loadSeedLetters } from './seed-letters.fixture';
import { MAX_LETTER_CHARS } from './text/input-guard';

const seed000 = loadSeedLetters()[0]!.text;

function errorOf(text: string): string {
  const result = parseLetter(text);
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

describe('parseLetter on bad input', () => {
  it('refuses empty and blank input', () => {
    expect(errorOf('')).toBe('empty input');
    expect(errorOf(' \n\t\r\n\u00a0 ')).toBe('empty input');
  });

  it('refuses binary data', () => {
    expect(errorOf('%PDF-1.7\u0000\u0001\u0002stream')).toBe('binary data (NUL bytes)');
    expect(errorOf('\u0001\u0002\u0003\ufffd\ufffd abc')).toMatch(
      /^binary or garbled data: \d+% of the characters/,
    );
  });

  it('refuses text that is not an IMR decision letter', () => {
    expect(errorOf('Dear customer, your order has shipped.')).toBe(
      'not an IMR decision letter: no decision section found',
    );
    const head = seed000.slice(0, seed000.indexOf('IMR ISSUES'));
    expect(errorOf(head)).toMatch(/^not an IMR decision letter: no decision section found \(truncated/);
  });

  it('refuses a 50 MB input at once instead of scanning it', () => {
    const huge = 'x'.repeat(50_000_000);
    expect(errorOf(huge)).toMatch(/^input too large: 50\.0 million characters/);
  });

  it('returns for a letter buried in megabytes of junk just under the size limit', () => {
    const junk = 'lorem ipsum: dolor; sit. amet, '.repeat(
      Math.floor((MAX_LETTER_CHARS - seed000.length) / 32),
    );
    const result = parseLetter(seed000 + junk);
    expect(result.ok).toBe(true);
  });

  it('never throws on non-string input from untyped callers', () => {
    expect(parseLetter(undefined as unknown as string)).toEqual({
      ok: false,
      error: 'input is not text (got undefined)',
    });
  });

  it('parses a letter cut off after its decision heading with a warning and no items', () => {
    const cut = seed000.slice(0, seed000.indexOf('TWELVE (12)'));
    const result = parseLetter(cut);
    expect(result.ok && result.letter.items).toEqual([]);
    expect(result.ok && result.letter.warnings).toContain(
      'the decision section has no readable disputed items',
    );
  });
});

describe('parseLetter output', () => {
  it('stamps the parser version, which names the taxonomy version', () => {
    const result = parseLetter(seed000);
    expect(result.ok && result.letter.parserVersion).toBe(PARSER_VERSION);
    expect(PARSER_VERSION).toMatch(/^1\.0\.0\+\S+$/);
  });

  it('returns every contract field, null or [] when the letter does not say', () => {
    const result = parseLetter(seed000);
    if (!result.ok) throw new Error(result.error);
    expect(Object.keys(result.letter).sort()).toEqual(
      [
        'caseNumber',
        'dates',
        'diagnoses',
        'format',
        'items',
        'parserVersion',
        'patient',
        'priority',
        'reviewer',
        'summary',
        'warnings',
      ].sort(),
    );
    expect(Object.keys(result.letter.items[0]!).sort()).toEqual(
      [
        'bodyRegions',
        'category',
        'citations',
        'decision',
        'drug',
        'duration',
        'frequency',
        'partiallyCertified',
        'quantity',
        'rationale',
        'title',
        'treatment',
      ].sort(),
    );
  });

  it('is deterministic: the same text gives the same record', () => {
    expect(parseLetter(seed000)).toEqual(parseLetter(seed000));
  });
});
