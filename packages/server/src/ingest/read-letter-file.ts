import { open } from 'node:fs/promises';
import { describeFsError } from './list-input-files';

// Reads one input file for a parse worker. Asynchronous so a worker keeps a chunk's reads in flight at once: on
// a disk (not the page cache) one read at a time leaves the workers waiting on the device most of the time.
// The size is checked before reading, so a stray disk image in the folder costs a stat, not a gigabyte.

export const MAX_LETTER_BYTES = 64 * 1024 * 1024;

export type ReadLetterFile = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export async function readLetterFile(
  path: string,
  maxBytes: number = MAX_LETTER_BYTES,
): Promise<ReadLetterFile> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, 'r');
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error)}` };
  }
  try {
    const stats = await file.stat();
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
      const { bytesRead } = await file.read(bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break; // The file shrank while we read it: keep what is there.
      offset += bytesRead;
    }
    return { ok: true, bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset) };
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error)}` };
  } finally {
    await file.close();
  }
}
