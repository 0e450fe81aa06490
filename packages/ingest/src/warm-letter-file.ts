import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_LETTER_BYTES } from './read-letter-file';

// Brings one input file into the page cache by reading it whole into a scratch buffer, so the parse worker that
// reads it next finds it there. What it read is thrown away; errors are too (the parse worker meets the same file
// and reports what is wrong with it). Like readLetterFile it refuses what is not a regular file and reads no
// more than a letter may hold, so a stray device or disk image costs a stat.

// Non-blocking for the same reason as read-letter-file.ts: a FIFO must not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Reads `path` into `scratch` (over and over) up to its end or `maxBytes`; returns the bytes read. */
export function warmLetterFile(path: string, scratch: Buffer, maxBytes: number = MAX_LETTER_BYTES): number {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return 0;
  }
  let read = 0;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return 0;
    while (read < stats.size) {
      const n = readSync(fd, scratch, 0, Math.min(scratch.length, stats.size - read), read);
      if (n === 0) break;
      read += n;
    }
  } catch {
    // Unreadable now: the parse worker's own read says why.
  } finally {
    closeSync(fd);
  }
  return read;
}
