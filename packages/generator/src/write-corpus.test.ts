import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLetter } from './generate-letter';
import { writeCorpus } from './write-corpus';

const root = mkdtempSync(join(tmpdir(), 'imr-corpus-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function truthLines(dir: string): { file: string; items: unknown[] }[] {
  return readFileSync(join(dir, 'truth.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { file: string; items: unknown[] });
}

describe('writeCorpus', () => {
  it('writes one .txt per letter in shard folders and their truth in index order', async () => {
    const out = join(root, 'files');
    const report = await writeCorpus({ out, count: 25, seed: 7, shardSize: 10, workers: 0 });
    expect(report.letters).toBe(25);
    expect(readdirSync(out).sort()).toEqual(['0000', '0001', '0002', 'corpus.json', 'truth.jsonl']);
    expect(readdirSync(join(out, '0002'))).toHaveLength(5);
    const truth = truthLines(out);
    expect(truth).toHaveLength(25);
    truth.forEach((line, index) => {
      const letter = generateLetter(7, index);
      expect(line.file).toBe(`${String(Math.floor(index / 10)).padStart(4, '0')}/${letter.id}.txt`);
      expect(readFileSync(join(out, line.file), 'utf8')).toBe(letter.text);
      expect(line).toEqual({ file: line.file, ...letter.truth });
    });
    expect(JSON.parse(readFileSync(join(out, 'corpus.json'), 'utf8'))).toMatchObject({
      seed: 7,
      count: 25,
      format: 'files',
    });
  });

  it('gives byte-identical output on worker threads as on the main thread', async () => {
    const inline = join(root, 'inline');
    const threaded = join(root, 'threaded');
    await writeCorpus({ out: inline, count: 60, seed: 3, shardSize: 7, workers: 0, format: 'jsonl' });
    await writeCorpus({ out: threaded, count: 60, seed: 3, shardSize: 7, workers: 2, format: 'jsonl' });
    expect(readFileSync(join(threaded, 'truth.jsonl'), 'utf8')).toBe(
      readFileSync(join(inline, 'truth.jsonl'), 'utf8'),
    );
    const shards = readdirSync(join(inline, 'letters')).sort();
    expect(shards).toHaveLength(9);
    expect(readdirSync(join(threaded, 'letters')).sort()).toEqual(shards);
    for (const shard of shards) {
      expect(readFileSync(join(threaded, 'letters', shard), 'utf8')).toBe(
        readFileSync(join(inline, 'letters', shard), 'utf8'),
      );
    }
    const first = JSON.parse(readFileSync(join(inline, 'letters', '0000.jsonl'), 'utf8').split('\n')[0]!) as {
      file: string;
      text: string;
    };
    expect(first.text).toBe(generateLetter(3, 0).text);
  }, 60_000);

  it('reports progress and rejects bad options with a clear message', async () => {
    const seen: number[] = [];
    await writeCorpus({
      out: join(root, 'progress'),
      count: 5,
      shardSize: 2,
      workers: 0,
      onProgress: (p) => seen.push(p.written),
    });
    expect(seen).toEqual([2, 4, 5]);
    await expect(writeCorpus({ out: join(root, 'bad'), count: -1 })).rejects.toThrow(
      /count must be a whole number/,
    );
    await expect(writeCorpus({ out: join(root, 'bad'), count: 1, seed: 1.5 })).rejects.toThrow(
      /seed must be an integer/,
    );
  });
});
