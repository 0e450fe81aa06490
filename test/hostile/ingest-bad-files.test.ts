import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../packages/store/src/client';
import { writeVariedLetters } from '../ingest-corpus';

// `imr ingest` over a folder, and a glob, where each kind of bad file lies beside good letters: a FIFO (named
// like a letter, in the folder and matched by the glob), a socket, a file whose name is not UTF-8 and one over
// the size limit. Every good letter is stored, every bad file recorded with its reason, the run exits 1, and
// its peak resident memory (VmHWM, read while it runs) stays under 1 GB.

const ROOT = join(import.meta.dirname, '../..');
const GOOD_LETTERS = 300;
const RSS_LIMIT_BYTES = 1024 ** 3;

let dir: string;
let folder: string;
let globbed: string;
let good: string[] = [];
let socket: Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-hostile-ingest-'));
  folder = join(dir, 'letters');
  globbed = join(dir, 'globbed');
  mkdirSync(folder);
  mkdirSync(globbed);
  // Distinct letters; the last 20 moved beside the glob's FIFO.
  good = writeVariedLetters(folder, GOOD_LETTERS, 100).map((path, i) => {
    if (i < GOOD_LETTERS - 20) return path;
    const moved = join(globbed, `letter-${i}.txt`);
    renameSync(path, moved);
    return moved;
  });
  execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
  execFileSync('mkfifo', [join(globbed, 'pipe.txt')]);
  writeFileSync(Buffer.from(`${folder}/latin1-\xe9t\xe9.txt`, 'latin1'), 'not read');
  // Sparse: 65 MB by its size, nothing on disk; refused on its size before any byte is read.
  writeFileSync(join(folder, 'oversized.txt'), '');
  truncateSync(join(folder, 'oversized.txt'), 65 * 1024 * 1024);
  socket = createServer();
  await new Promise<void>((resolve) => socket.listen(join(folder, 'socket.txt'), resolve));
}, 60_000);

afterAll(async () => {
  if (socket) await new Promise((resolve) => socket.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Peak resident memory of a process so far (Linux), or null where /proc does not say. */
function peakRss(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null; // the process ended between the check and the read
  }
}

describe('imr ingest over bad files beside good letters', () => {
  it('stores every good letter, records every bad file with its reason, exits 1, under 1 GB', async () => {
    const db = join(dir, 'imr.db');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'packages/server/src/cli/main.ts',
        'ingest',
        folder,
        join(globbed, '*.txt'),
        '--db',
        db,
        '--no-progress',
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', IMR_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid ?? -1) ?? 0);
    }, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(sampler);
    clearTimeout(killer);
    console.log(
      `imr ingest of ${GOOD_LETTERS} good letters and 5 bad files: peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
    );

    expect(code, output).toBe(1);
    const store = await openStore(db, { readonly: true });
    try {
      const stored = new Set(
        (await store.db.selectFrom('documents').select('sourcePath').execute()).map((d) => d.sourcePath),
      );
      const errors = await store.db.selectFrom('ingestErrors').select(['file', 'reason']).execute();
      const reasonOf = (file: string) => errors.find((e) => e.file === file)?.reason;

      expect(good.filter((file) => !stored.has(file))).toEqual([]);
      expect(reasonOf(join(folder, 'pipe.txt'))).toMatch(/not a regular file/);
      expect(reasonOf(join(globbed, 'pipe.txt'))).toMatch(/not a regular file/);
      expect(reasonOf(join(folder, 'socket.txt'))).toMatch(/not a regular file/);
      expect(reasonOf(join(folder, 'oversized.txt'))).toMatch(/too large: 65\.0 MB/);
      const undecodable = errors.filter((e) => e.file.startsWith(join(folder, 'latin1-')));
      expect(undecodable).toHaveLength(1);
      expect(undecodable[0]?.reason).toMatch(/not valid UTF-8/);
      expect(errors).toHaveLength(5);
    } finally {
      await store.close();
    }
    if (process.platform === 'linux') {
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThan(RSS_LIMIT_BYTES);
    }
  }, 120_000);
});
