import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeFsError } from './list-input-files';

// Reads one input file for a parse worker, in two ways. Synchronously costs 15 µs of CPU a file in the page
// cache; asynchronously, through libuv's thread pool, about 200 µs (four hand-offs a file), but a worker can keep
// a chunk's reads in flight at once, which is what a disk needs: one read at a time leaves the workers waiting
// on the device. The worker picks per chunk (see letter-read-mode.ts). The size is checked before reading, so a
// stray disk image in the folder costs a stat, not a gigabyte.

export const MAX_LETTER_BYTES = 64 * 1024 * 1024;

// Non-blocking, so opening a FIFO that slipped past the listing (created after it, say) returns at once instead
// of waiting for a writer forever; the stats then refuse it. On a regular file the flag changes nothing.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export type ReadLetterFile = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Why a file with these stats is not read, or null to read it. */
function refusal(stats: Stats, maxBytes: number): string | null {
  if (!stats.isFile()) return 'unreadable: not a regular file';
  if (stats.size > maxBytes) {
    return `too large: ${(stats.size / 2 ** 20).toFixed(1)} MB (limit ${(maxBytes / 2 ** 20).toFixed(0)} MB)`;
  }
  return null;
}

/** The bytes read, cut to what was there when the file shrank while being read. */
const readOf = (bytes: Buffer, length: number): ReadLetterFile => ({
  ok: true,
  bytes: length === bytes.length ? bytes : bytes.subarray(0, length),
});

export async function readLetterFile(
  path: string,
  maxBytes: number = MAX_LETTER_BYTES,
): Promise<ReadLetterFile> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error, path)}` };
  }
  try {
    const stats = await file.stat();
    const refused = refusal(stats, maxBytes);
    if (refused) return { ok: false, reason: refused };
    const bytes = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesRead } = await file.read(bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return readOf(bytes, offset);
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error, path)}` };
  } finally {
    await file.close();
  }
}

/** readLetterFile without the thread pool: the same answers, the caller's thread waits for the device. */
export function readLetterFileSync(path: string, maxBytes: number = MAX_LETTER_BYTES): ReadLetterFile {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error, path)}` };
  }
  try {
    const stats = fstatSync(fd);
    const refused = refusal(stats, maxBytes);
    if (refused) return { ok: false, reason: refused };
    const bytes = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const bytesRead = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return readOf(bytes, offset);
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeFsError(error, path)}` };
  } finally {
    closeSync(fd);
  }
}
