import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressLetterText, decompressLetterText } from './letter-text-codec';

const LETTER = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/letters/004_6ce1d391e6f9f476.txt'),
  'utf8',
);

describe('letter text codec', () => {
  it('gives back exactly the text it stored, and stores it smaller', () => {
    const stored = compressLetterText(LETTER);
    expect(decompressLetterText(stored)).toBe(LETTER);
    expect(stored.length).toBeLessThan(Buffer.byteLength(LETTER) / 1.8);
    // Its own buffer, not a view on a larger zlib chunk (a worker posts it to the main thread).
    expect(stored.byteOffset).toBe(0);
    expect(stored.buffer.byteLength).toBe(stored.length);
  });

  it('round-trips any text, empty and non-ASCII included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        expect(decompressLetterText(compressLetterText(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('still reads the bare deflateRaw that stores held before, whatever the level or strategy', () => {
    const strategies = [
      constants.Z_DEFAULT_STRATEGY,
      constants.Z_HUFFMAN_ONLY,
      constants.Z_RLE,
      constants.Z_FIXED,
    ];
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...strategies),
        (text, level, strategy) => {
          const old = deflateRawSync(text, { level, strategy });
          expect(old[0]).not.toBe(0xff);
          expect(decompressLetterText(old)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
    expect(decompressLetterText(deflateRawSync(LETTER, { level: 1 }))).toBe(LETTER);
  });

  it('throws on corrupt bytes in either format', () => {
    const stored = compressLetterText(LETTER);
    expect(() => decompressLetterText(stored.subarray(0, stored.length / 2))).toThrow();
    expect(() => decompressLetterText(Uint8Array.from([0xfe, 1, 2, 3]))).toThrow();
  });
});
