import { createHash } from 'node:crypto';
import { decompressLetterText } from '@imr/store/letter-text-codec';
import { decodeLetterBytes, isPdf } from './decode-letter-bytes';
import type { ParseOutcome, ParseTask } from './parse-task';
import { prepareLetter } from './prepare-letter';
import { type ReadLetterFile, readLetterFile } from './read-letter-file';

// One task, start to finish: read or decompress, decode, then prepareLetter. Runs in the parse workers, and on the
// main thread while they start up. `read` is the file's read when the caller started it early (the worker starts
// a chunk's reads together). The main thread passes `pdfs: 'leave'`: a PDF's extraction is bounded in time only
// where it can be stopped, in a worker, so there it answers null and the task waits for one.

export function handleParseTask(
  task: ParseTask,
  parserVersion?: string,
  read?: Promise<ReadLetterFile>,
): Promise<ParseOutcome>;
export function handleParseTask(
  task: ParseTask,
  parserVersion: string | undefined,
  read: Promise<ReadLetterFile> | undefined,
  pdfs: 'leave',
): Promise<ParseOutcome | null>;
export async function handleParseTask(
  task: ParseTask,
  parserVersion?: string,
  read?: Promise<ReadLetterFile>,
  pdfs: 'extract' | 'leave' = 'extract',
): Promise<ParseOutcome | null> {
  const { seq, path } = task;
  if (task.kind === 'stored') {
    let text: string;
    try {
      text = decompressLetterText(task.rawText);
    } catch (error) {
      const reason = `stored text is corrupt: ${error instanceof Error ? error.message : String(error)}`;
      return { seq, path, ok: false, reason, sha256: null };
    }
    return { seq, path, ...prepareLetter(text, { path, sizeBytes: task.sizeBytes }, parserVersion) };
  }
  const file = await (read ?? readLetterFile(path));
  if (!file.ok) return { seq, path, ok: false, reason: file.reason, sha256: null };
  if (pdfs === 'leave' && isPdf(file.bytes)) return null;
  const decoded = await decodeLetterBytes(file.bytes);
  if (!decoded.ok) {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    return { seq, path, ok: false, reason: decoded.reason, sha256 };
  }
  return { seq, path, ...prepareLetter(decoded.text, { path, sizeBytes: file.bytes.length }, parserVersion) };
}
