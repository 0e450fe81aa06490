import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { describeFsError } from './list-input-files';

// Reads one input file for a parse worker (synchronous: a worker thread has nothing else to do meanwhile).
// The size is checked before reading, so a stray disk image in the folder costs a stat, not a gigabyte.

export const MAX_LETTER_BYTES = 64 * 1024 * 1024;

export type ReadLetterFile = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export function readLetterFile(path: string, maxBytes: number = MAX_LETTER_BYTES): ReadLetterFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error)}` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'unreadable: not a regular file' };
    if (stats.size > maxBytes) {
      return {
        ok: false,
        reason: `too large: ${(stats.size / 2 ** 20).toFixed(1)} MB (limit ${(maxBytes / 2 ** 20).toFixed(0)} MB)`,
      };
    }
    const bytes = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break; // The file shrank while we read it: keep what is there.
      offset += read;
    }
    return { ok: true, bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset) };
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error)}` };
  } finally {
    closeSync(fd);
  }
}
