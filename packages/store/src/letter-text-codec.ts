import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';

// How `documents.raw_text` holds a letter's text. Compressing is paid once per letter at ingest, in the parse
// workers, so it is chosen for CPU: brotli at quality 0 takes half the time of deflate at level 1 on a 3 KB
// letter (29 against 58 µs, most of either being the codec's set-up) for 11 % more bytes (1,660 against 1,499).
//
// Stores written before that hold bare deflateRaw. A raw deflate stream cannot start with 0xFF (its first byte's
// bits 1-2 would name block type 3, which deflate reserves as invalid), so a leading 0xFF marks brotli and any
// other first byte is the older deflate, which stays readable.

const BROTLI_MARK = 0xff;

// Node's brotli is a streaming encoder, so it sizes its hash table and ring buffer for a long input unless told
// the length: hinted, a 5.7 KB letter of the 2M corpus compressed in 27.8 µs against 34.1 µs (best of 6 over 500
// letters, AMD EPYC), to the same bytes.
function brotliFastest(length: number) {
  return {
    params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: length },
  };
}

/** The bytes `documents.raw_text` stores for a letter's text. A copy of its own: see below. */
export function compressLetterText(text: string): Uint8Array {
  // zlib's result is a view on a larger chunk, and posting a view to the main thread would copy that whole
  // chunk; the marked copy is exactly the stored bytes.
  const packed = brotliCompressSync(text, brotliFastest(text.length));
  const stored = new Uint8Array(packed.length + 1);
  stored[0] = BROTLI_MARK;
  stored.set(packed, 1);
  return stored;
}

/** The text back from `documents.raw_text`, in either format; throws when the bytes are corrupt. */
export function decompressLetterText(stored: Uint8Array): string {
  if (stored.length > 0 && stored[0] === BROTLI_MARK) {
    return brotliDecompressSync(stored.subarray(1)).toString('utf8');
  }
  return inflateRawSync(stored).toString('utf8');
}
