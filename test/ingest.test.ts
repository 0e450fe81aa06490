import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARSER_VERSION } from '@imr/parser';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { reparseLetters } from '../packages/ingest/src/reparse-letters';
import { openStore } from '../packages/store/src/client';
import { describeEachBackend } from '../packages/store/test-support/test-store';
import { queryStore, SEED_DIR, searchIndexIntegrity, tableCounts, writeVariedLetters } from './ingest-corpus';

// End to end: files on disk → the CLI or ingestFiles → a SQLite store file, checked with plain SQL.

const ROOT = join(import.meta.dirname, '..');

/**
 * Letters a run in progress has committed, read without waiting: 0 while the store does not exist yet, or while
 * the writer holds it locked (the store's own read-only open would start its read workers for each look).
 */
function storedSoFar(dbPath: string): number {
  try {
    const db = new SQLite(dbPath, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      const row = db.prepare('select stored from ingest_runs').get() as { stored: number } | undefined;
      return row?.stored ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', IMR_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

async function ingestInProcess(dbPath: string, paths: string[], extra: { parserVersion?: string } = {}) {
  const store = await openStore(dbPath);
  try {
    return await ingestFiles({ store, paths, batchSize: 100, ...extra });
  } finally {
    await store.close();
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-ingest-e2e-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('imr ingest', () => {
  it('stores the five seed letters as 5 cases and 9 items; a second run changes nothing', async () => {
    const db = join(dir, 'imr.db');
    const first = await ingestInProcess(db, [SEED_DIR]);
    expect(first).toMatchObject({ stored: 5, alreadyPresent: 0, updated: 0, rejected: 0, skipped: 0 });
    const counts = await tableCounts(db);
    expect(counts).toMatchObject({ documents: 5, cases: 5, items: 9, item_search: 9, case_search: 5 });

    const second = await ingestInProcess(db, [SEED_DIR]);
    expect(second).toMatchObject({ stored: 0, alreadyPresent: 5, updated: 0, rejected: 0 });
    expect(await tableCounts(db)).toEqual(counts);
    const runs = await queryStore<{ files_seen: number; stored: number; already_present: number }>(
      db,
      'select files_seen, stored, already_present from ingest_runs where finished_at is not null order by id',
    );
    expect(runs).toEqual([
      { files_seen: 5, stored: 5, already_present: 0 },
      { files_seen: 5, stored: 0, already_present: 5 },
    ]);
  });

  it('rejects a binary and an empty file: recorded with reasons, exit code 1, nothing else changes', async () => {
    const input = join(dir, 'in');
    cpSync(SEED_DIR, input, { recursive: true });
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(
      join(input, 'scan.pdf.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 255]),
    );
    writeFileSync(join(input, 'photo.jpg'), 'not a letter, and not counted as one');
    const db = join(dir, 'imr.db');

    const run = await runCli(['ingest', input, '--db', db]);
    expect(run.stderr).not.toMatch(/imr ingest:/);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/stored\s+5\b/);
    expect(run.stdout).toMatch(/rejected\s+2\b/);
    expect(run.stdout).toMatch(/1\s+empty file/);
    expect(run.stdout).toMatch(/1\s+binary file/);
    expect(run.stdout).toMatch(/skipped\s+1\b/);
    expect(run.stdout).toContain('5 letters and 2 rejected files in');
    // The rejected files by name with their reasons, and the command that lists every one.
    expect(run.stdout).toMatch(/rejected files:\n(\s+\S+: .+\n)*\s+\S*empty\.txt: empty file\n/);
    expect(run.stdout).toContain(`imr query --db ${db} '{ ingestErrors(first: 100)`);
    expect(await tableCounts(db)).toMatchObject({ documents: 5, cases: 5, items: 9 });

    const errors = await queryStore<{ file: string; reason: string; sha256: string | null }>(
      db,
      'select file, reason, sha256 from ingest_errors order by file',
    );
    expect(errors.map((e) => [e.file, e.reason])).toEqual([
      [join(input, 'empty.txt'), 'empty file'],
      [join(input, 'scan.pdf.txt'), 'binary file: contains NUL bytes'],
    ]);
    expect(errors.every((e) => /^[0-9a-f]{64}$/.test(e.sha256 ?? ''))).toBe(true);
    const runs = await queryStore<Record<string, number | string | null>>(
      db,
      'select files_seen, stored, already_present, updated, rejected, finished_at from ingest_runs',
    );
    expect(runs).toEqual([
      expect.objectContaining({ files_seen: 8, stored: 5, already_present: 0, updated: 0, rejected: 2 }),
    ]);
    expect(runs[0]?.finished_at).toEqual(expect.any(String));

    // The good letters again: every one already present.
    expect(await ingestInProcess(db, [SEED_DIR])).toMatchObject({ alreadyPresent: 5, rejected: 0 });
  });

  it('is idempotent: a folder of varied letters ingested twice leaves identical tables', async () => {
    const input = join(dir, 'in');
    const paths = writeVariedLetters(input, 200, 80);
    const db = join(dir, 'imr.db');
    const first = await ingestInProcess(db, [input]);
    expect(first).toMatchObject({ stored: 200, rejected: 0 });
    const counts = await tableCounts(db);
    expect(counts.cases).toBe(200);
    // A file named twice (on its own and inside its folder) is simply present already the second time.
    const second = await ingestInProcess(db, [input, paths[0]!, paths[1]!]);
    expect(second).toMatchObject({ stored: 0, alreadyPresent: 202, updated: 0, rejected: 0 });
    expect(await tableCounts(db)).toEqual(counts);
  });

  it('survives kill -9 mid-run: the store stays consistent and a second run completes it without duplicates', async () => {
    const input = join(dir, 'in');
    // Enough letters that a loaded machine, slow to notice the first commits, still kills the run part-way (a CI
    // run on 2 busy cores once saw all 4,000 of an earlier size committed before its poll came back).
    const letters = 6000;
    writeVariedLetters(input, letters, 500);
    const clean = join(dir, 'clean.db');
    await ingestInProcess(clean, [input]);
    const expected = await tableCounts(clean);

    const db = join(dir, 'killed.db');
    const child = startCli(['ingest', input, '--db', db, '--batch', '25', '--no-progress']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // The run goes on in slices of 50 ms and is stopped (SIGSTOP) while the store is looked at, so however late
    // a busy machine lets this process look, the run cannot get ahead of it: it is killed part-way, as soon as a
    // batch is seen committed. (Polled while it ran on, a run on two cores shared with another test file stored
    // all 6,000 letters before the first look came back.)
    let storedWhenKilled = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      child.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGSTOP');
      storedWhenKilled = storedSoFar(db);
      if (storedWhenKilled > 0) break;
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(storedWhenKilled).toBeGreaterThan(0);

    expect(await queryStore(db, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const partial = await tableCounts(db);
    expect(partial.cases).toBeLessThan(letters);
    // Every committed letter is whole: as many documents as cases, every case's items, every item searchable.
    expect(partial.documents).toBe(partial.cases);
    // A first ingest is a bulk load: its indexes and full-text tables wait for the end, noted in the store.
    const pending = await queryStore<{ n: number }>(db, 'select count(*) as n from deferred_schema');
    expect(pending[0]!.n).toBeGreaterThan(0);
    expect(
      await queryStore(
        db,
        'select id from cases where item_count != (select count(*) from items where case_id = cases.id)',
      ),
    ).toEqual([]);

    // The second run, in process (the CLI's exit codes are covered above).
    expect(await ingestInProcess(db, [input])).toMatchObject({ rejected: 0 });
    expect(await tableCounts(db)).toEqual(expected);
    expect(await queryStore(db, 'select sha256 from documents group by sha256 having count(*) > 1')).toEqual(
      [],
    );
    // The second run finished the interrupted bulk load: the same indexes and triggers as a clean run, and a
    // full-text index that agrees with its tables.
    const schema = 'select type, name, sql from sqlite_master where sql is not null order by name';
    expect(await queryStore(db, schema)).toEqual(await queryStore(clean, schema));
    expect(await queryStore(db, 'select * from deferred_schema')).toEqual([]);
    expect(await searchIndexIntegrity(db)).toBe('ok');
    const runs = await queryStore<{ stored: number; already_present: number; finished_at: string | null }>(
      db,
      'select stored, already_present, finished_at from ingest_runs order by id',
    );
    expect(runs).toHaveLength(2);
    expect(runs[0]!.finished_at).toBeNull();
    expect(runs[0]!.stored + runs[1]!.stored).toBe(letters);
    expect(runs[1]!.stored + runs[1]!.already_present).toBe(letters);
  });
});

describe('imr reparse', () => {
  it('re-derives letters stored by an older parser version from their stored text, with no files', async () => {
    const input = join(dir, 'in');
    cpSync(SEED_DIR, input, { recursive: true });
    const db = join(dir, 'imr.db');
    expect(await ingestInProcess(db, [input], { parserVersion: '0.0.1-old' })).toMatchObject({ stored: 5 });
    const before = await tableCounts(db);
    rmSync(input, { recursive: true });

    const store = await openStore(db);
    try {
      const report = await reparseLetters({ store, batchSize: 2 });
      expect(report).toMatchObject({ updated: 5, stored: 0, rejected: 0, parserVersion: PARSER_VERSION });
      expect(await reparseLetters({ store })).toMatchObject({ updated: 0, stored: 0, alreadyPresent: 0 });
    } finally {
      await store.close();
    }
    expect(await tableCounts(db)).toEqual(before);
    expect(await queryStore(db, 'select distinct parser_version from cases')).toEqual([
      { parser_version: PARSER_VERSION },
    ]);
    expect(await queryStore(db, 'select distinct parser_version from documents')).toEqual([
      { parser_version: PARSER_VERSION },
    ]);
    // The same letters from disk now are what the store already has.
    expect(await ingestInProcess(db, [SEED_DIR])).toMatchObject({ alreadyPresent: 5, updated: 0 });
  });
});

describeEachBackend('ingestFiles', (backend) => {
  it('stores the seed letters once on this backend, with their run and counts', async () => {
    const store = await backend.open();
    try {
      expect(await ingestFiles({ store, paths: [SEED_DIR] })).toMatchObject({ stored: 5, rejected: 0 });
      expect(await ingestFiles({ store, paths: [SEED_DIR] })).toMatchObject({ stored: 0, alreadyPresent: 5 });
      const count = async (table: 'cases' | 'items' | 'documents') =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect([await count('documents'), await count('cases'), await count('items')]).toEqual([5, 5, 9]);
      const runs = await store.db
        .selectFrom('ingestRuns')
        .select(['stored', 'alreadyPresent'])
        .orderBy('id')
        .execute();
      expect(runs).toEqual([
        { stored: 5, alreadyPresent: 0 },
        { stored: 0, alreadyPresent: 5 },
      ]);
    } finally {
      await store.close();
    }
  });
});
