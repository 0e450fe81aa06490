import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayoutChoice } from './draw-letter';
import { generateLetter } from './generate-letter';

/**
 * `files`: one `<out>/<shard>/<id>.txt` per letter, what `imr ingest` reads. `jsonl`: one
 * `<out>/letters/<shard>.jsonl` per shard, a line `{file, text}` per letter, for disks where creating files
 * is the bottleneck (a 2-million-letter corpus is 2,000 files instead of 2 million).
 */
export const CORPUS_FORMATS = ['files', 'jsonl'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

export interface ShardSpec {
  out: string;
  format: CorpusFormat;
  seed: number;
  layout: LayoutChoice;
  shard: number;
  start: number;
  end: number;
}

export interface ShardResult {
  shard: number;
  letters: number;
  bytes: number;
  /** One JSON line per letter, `{file, ...truth}`, in index order. */
  truthLines: string;
}

export function shardDirectory(shard: number): string {
  return String(shard).padStart(4, '0');
}

/**
 * Writes letters [start, end) into `<out>/<shard>/<id>.txt` and returns their truth lines. Writes are
 * synchronous on purpose: a shard runs on its own worker thread, so the number of files being written at once
 * is the number of workers, and a slow disk slows the workers instead of queueing buffers in memory.
 */
export function writeShard(spec: ShardSpec): ShardResult {
  const directory = shardDirectory(spec.shard);
  const packed = spec.format === 'jsonl';
  mkdirSync(join(spec.out, packed ? 'letters' : directory), { recursive: true });
  const truthLines: string[] = [];
  const letterLines: string[] = [];
  let bytes = 0;
  for (let index = spec.start; index < spec.end; index++) {
    const letter = generateLetter(spec.seed, index, { layout: spec.layout });
    const file = `${directory}/${letter.id}.txt`;
    if (packed) {
      letterLines.push(JSON.stringify({ file, text: letter.text }));
      bytes += Buffer.byteLength(letter.text, 'utf8');
    } else {
      const body = Buffer.from(letter.text, 'utf8');
      writeFileSync(join(spec.out, file), body);
      bytes += body.length;
    }
    truthLines.push(JSON.stringify({ file, ...letter.truth }));
  }
  if (packed) writeFileSync(join(spec.out, 'letters', `${directory}.jsonl`), jsonLines(letterLines));
  return { shard: spec.shard, letters: spec.end - spec.start, bytes, truthLines: jsonLines(truthLines) };
}

function jsonLines(lines: readonly string[]): string {
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
