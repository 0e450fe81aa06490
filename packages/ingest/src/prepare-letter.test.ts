import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSER_VERSION } from '@imr/parser';
import { decompressLetterText } from '@imr/store/letter-text-codec';
import { describe, expect, it } from 'vitest';
import { normaliseLetterText, prepareLetter, sha256Hex } from './prepare-letter';

const SEED = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/letters/004_6ce1d391e6f9f476.txt'),
  'utf8',
);

describe('prepareLetter', () => {
  it('parses, hashes the normalised text and keeps the raw text compressed', () => {
    const prepared = prepareLetter(SEED, { path: 'seed.txt', sizeBytes: 123 });
    if (!prepared.ok) throw new Error(prepared.reason);
    const { letter, document } = prepared.save;
    expect(letter.parserVersion).toBe(PARSER_VERSION);
    expect(letter.items.length).toBeGreaterThan(0);
    expect(document).toMatchObject({
      sourcePath: 'seed.txt',
      sizeBytes: 123,
      sha256: sha256Hex(normaliseLetterText(SEED)),
    });
    expect(decompressLetterText(document.rawText)).toBe(SEED);
  });

  it('gives the same identity to the same letter with CRLF line ends and surrounding blank lines', () => {
    const a = prepareLetter(SEED, { path: 'a', sizeBytes: 1 });
    const b = prepareLetter(`\r\n\r\n${SEED.replace(/\n/g, '\r\n')}\r\n`, { path: 'b', sizeBytes: 1 });
    expect(a.ok && b.ok && a.save.document.sha256 === b.save.document.sha256).toBe(true);
  });

  it('stands in another parser version when asked (for re-derivation tests)', () => {
    const prepared = prepareLetter(SEED, { path: 'a', sizeBytes: 1 }, '0.0.0-test');
    expect(prepared.ok && prepared.save.letter.parserVersion).toBe('0.0.0-test');
  });

  it('reports text that is not an IMR letter, with the hash of what it read', () => {
    const text = 'Dear customer,\nyour parcel has shipped.\n';
    expect(prepareLetter(text, { path: 'x', sizeBytes: 1 })).toEqual({
      ok: false,
      reason: 'not an IMR letter: no decision section found',
      sha256: sha256Hex(text.trim()),
    });
  });
});
