import { deflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
import { openStore, type Store } from '@imr/store/client';
import { getIngestRun, listIngestErrors, startIngestRun } from '@imr/store/repositories/ingest.repository';
import { describeEachBackend, queryRows } from '@imr/store/test-support/test-store';
import { describe, expect, it } from 'vitest';
import { isPerLetterError, LetterBatchWriter, reasonGroup } from './letter-batch-writer';
import type { ParseOutcome } from './parse-task';

function letter(caseNumber: string, title: string): ParsedLetter {
  return {
    caseNumber,
    format: 'test',
    dates: {
      assigned: null,
      injury: null,
      decision: '2014-02-20',
      urDenial: null,
      applicationReceived: null,
    },
    priority: 'STANDARD',
    reviewer: { specialties: ['Internal Medicine'], subspecialties: [], licensedIn: ['CA'] },
    patient: { age: 40, sex: 'MALE' },
    diagnoses: ['cervicalgia'],
    summary: 'summary',
    items: [
      {
        title,
        decision: 'UPHELD',
        partiallyCertified: false,
        category: 'OTHER',
        treatment: 'x',
        drug: null,
        quantity: null,
        frequency: null,
        duration: null,
        bodyRegions: [],
        citations: [],
        rationale: 'rationale',
      },
    ],
    warnings: [],
    parserVersion: 'test',
  };
}

function parsed(seq: number, caseNumber: string, title: string): ParseOutcome {
  return {
    seq,
    path: `${caseNumber}.txt`,
    ok: true,
    save: {
      letter: letter(caseNumber, title),
      document: {
        sha256: caseNumber.padEnd(64, '0'),
        sourcePath: `${caseNumber}.txt`,
        sizeBytes: 1,
        rawText: deflateRawSync('x'),
      },
    },
  };
}

/** Adds letters `from` to `to` (at most 9999), each with a case number and title of its own. */
function addLetters(writer: LetterBatchWriter, from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    writer.add(parsed(i, `CM14-${String(i).padStart(7, '0')}`, `t${i}`));
  }
}

describeEachBackend('LetterBatchWriter', (backend) => {
  it('writes letters, rejections and run counters per batch', async () => {
    const store = await backend.open();
    const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'test' });
    const written: number[] = [];
    const writer = new LetterBatchWriter(store, { runId, batchSize: 2, onWritten: (n) => written.push(n) });
    writer.add(parsed(0, 'CM14-0000001', 'a'));
    writer.add({ seq: 1, path: 'empty.txt', ok: false, reason: 'empty file', sha256: null });
    writer.add(parsed(2, 'CM14-0000001', 'a'));
    writer.skip();
    await writer.flush();
    expect(written).toEqual([2, 1]);
    expect(writer.totals).toEqual({
      stored: 1,
      alreadyPresent: 1,
      updated: 0,
      superseded: 0,
      rejected: 1,
      skipped: 1,
    });
    expect(await getIngestRun(store.db, runId)).toMatchObject({
      filesSeen: 4,
      stored: 1,
      alreadyPresent: 1,
      rejected: 1,
    });
    expect((await listIngestErrors(store.db, runId)).map((e) => [e.file, e.reason])).toEqual([
      ['empty.txt', 'empty file'],
    ]);
    await store.close();
  });

  it('rejects only the letter the database refuses, storing the rest of its batch', async () => {
    const store = await backend.open();
    const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'test' });
    const writer = new LetterBatchWriter(store, { runId, batchSize: 10 });
    writer.add(parsed(0, 'CM14-0000001', 'a'));
    // A title the items table does not accept (NOT NULL), as a parser bug might produce.
    writer.add(parsed(1, 'CM14-0000002', null as unknown as string));
    writer.add(parsed(2, 'CM14-0000003', 'c'));
    await writer.flush();
    expect(writer.totals).toMatchObject({ stored: 2, rejected: 1 });
    expect([...writer.rejections]).toEqual([['could not store', 1]]);
    const errors = await listIngestErrors(store.db, runId);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'CM14-0000002.txt',
      reason: expect.stringMatching(/^could not store: /),
    });
    expect(await getIngestRun(store.db, runId)).toMatchObject({ filesSeen: 3, stored: 2, rejected: 1 });
    expect(await store.db.selectFrom('cases').select('caseNumber').orderBy('caseNumber').execute()).toEqual([
      { caseNumber: 'CM14-0000001' },
      { caseNumber: 'CM14-0000003' },
    ]);
    await store.close();
  });
});

async function caseCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Resolves once `count` outcomes were written (onWritten). */
function writtenCounter() {
  let total = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  return {
    onWritten: (n: number) => {
      total += n;
      for (const w of waiting.filter((w) => total >= w.count)) w.resolve();
    },
    reached: (count: number) =>
      total >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve })),
  };
}

describeEachBackend('LetterBatchWriter with several batches a transaction', (backend) => {
  /** A writer of batches of 2 over a new store, and a second connection that sees only what it committed. */
  async function writerWithReader(options: { lettersPerCommit: number; commitIntervalMs: number }) {
    const target = await backend.freshTarget();
    const store = await openStore(target);
    const reader = await openStore(target);
    const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'test' });
    const counter = writtenCounter();
    const writer = new LetterBatchWriter(store, {
      runId,
      batchSize: 2,
      onWritten: counter.onWritten,
      ...options,
    });
    const close = async () => {
      await reader.close();
      await store.close();
    };
    return { writer, reader, runId, counter, close };
  }

  it('commits its batches together: another connection sees them when the transaction holds enough letters', async () => {
    const { writer, reader, runId, counter, close } = await writerWithReader({
      lettersPerCommit: 6,
      commitIntervalMs: 60_000,
    });
    addLetters(writer, 1, 4);
    await counter.reached(4);
    expect(writer.totals.stored).toBe(4);
    expect(await caseCount(reader)).toBe(0);
    addLetters(writer, 5, 6);
    await counter.reached(6);
    expect(await caseCount(reader)).toBe(6);
    writer.add(parsed(7, 'CM14-0000007', 't7'));
    await writer.flush();
    expect(await caseCount(reader)).toBe(7);
    expect(await getIngestRun(reader.db, runId)).toMatchObject({ filesSeen: 7, stored: 7 });
    await close();
  });

  it('commits the batches it wrote when asked, without the ones still to fill (a run stopped early)', async () => {
    const { writer, reader, runId, close } = await writerWithReader({
      lettersPerCommit: 100,
      commitIntervalMs: 60_000,
    });
    addLetters(writer, 1, 5);
    await writer.commitWritten();
    expect(await caseCount(reader)).toBe(4);
    expect(await getIngestRun(reader.db, runId)).toMatchObject({ filesSeen: 4, stored: 4 });
    await close();
  });

  it('commits what it holds once its interval has passed, when no more letters come', async () => {
    const { writer, reader, counter, close } = await writerWithReader({
      lettersPerCommit: 1000,
      commitIntervalMs: 50,
    });
    writer.add(parsed(1, 'CM14-0000001', 'a'));
    writer.add(parsed(2, 'CM14-0000002', 'b'));
    await counter.reached(2);
    const deadline = Date.now() + 5_000;
    while ((await caseCount(reader)) < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await caseCount(reader)).toBe(2);
    await writer.flush();
    await close();
  });

  it('rejects only the letter the database refuses, keeping the batches written before it in the transaction', async () => {
    const store = await backend.open();
    const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'test' });
    const writer = new LetterBatchWriter(store, { runId, batchSize: 2, lettersPerCommit: 100 });
    addLetters(writer, 1, 4);
    writer.add(parsed(5, 'CM14-0000005', null as unknown as string));
    writer.add(parsed(6, 'CM14-0000006', 't6'));
    await writer.flush();
    expect(writer.totals).toMatchObject({ stored: 5, rejected: 1 });
    expect(await caseCount(store)).toBe(5);
    expect(await getIngestRun(store.db, runId)).toMatchObject({ filesSeen: 6, stored: 5, rejected: 1 });
    expect((await listIngestErrors(store.db, runId)).map((e) => e.file)).toEqual(['CM14-0000005.txt']);
    await store.close();
  });

  it.runIf(backend.dialect === 'sqlite')(
    'undoes every batch of the open transaction when the database fails (disk full), counters with them',
    async () => {
      const store = await backend.open();
      const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'test' });
      const counter = writtenCounter();
      const failures: Error[] = [];
      const writer = new LetterBatchWriter(store, {
        runId,
        batchSize: 2,
        lettersPerCommit: 100,
        commitIntervalMs: 60_000,
        onWritten: counter.onWritten,
        onFailure: (error) => failures.push(error),
      });
      writer.add(parsed(1, 'CM14-0000001', 'a'));
      writer.add(parsed(2, 'CM14-0000002', 'b'));
      await counter.reached(2);
      // No page more: the next letter's long rationale needs overflow pages.
      const pages = store.sqlite!.pragma('page_count', { simple: true });
      store.sqlite!.pragma(`max_page_count = ${pages}`);
      const big = parsed(3, 'CM14-0000003', 'c');
      if (big.ok) big.save.letter.items[0]!.rationale = 'x'.repeat(1_000_000);
      writer.add(big);
      writer.add(parsed(4, 'CM14-0000004', 'd'));
      await expect(writer.flush()).rejects.toMatchObject({ code: 'SQLITE_FULL' });
      expect(failures).toHaveLength(1);
      store.sqlite!.pragma('max_page_count = 1073741823');
      expect(store.sqlite!.inTransaction).toBe(false);
      expect(await caseCount(store)).toBe(0);
      expect(await getIngestRun(store.db, runId)).toMatchObject({ filesSeen: 0, stored: 0 });
      await store.close();
    },
  );
});

describeEachBackend('LetterBatchWriter statistics', (backend) => {
  it.runIf(backend.dialect === 'postgres')(
    "refreshes PostgreSQL's planner statistics as the run doubles the store, before the run's end",
    async () => {
      const store = await backend.open();
      const reltuples = async () =>
        (
          await queryRows<{ n: number }>(
            store,
            "select reltuples as n from pg_class where oid = to_regclass(current_schema() || '.cases')",
          )
        )[0]?.n;
      // A table never analyzed says -1 (PostgreSQL 14 on); the writer has not refreshed anything yet.
      expect(await reltuples()).toBe(-1);
      const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'test' });
      const writer = new LetterBatchWriter(store, { runId, batchSize: 2, firstStatisticsRefreshAt: 2 });
      addLetters(writer, 1, 6);
      await writer.flush();
      expect(writer.totals.stored).toBe(6);
      // Refreshed at 2 letters and at 4; the next is due at 8: the statistics say what the store held at 4.
      expect(await reltuples()).toBe(4);
      await store.close();
    },
  );
});

describe('reasonGroup', () => {
  it('groups by the reason before its details, keeping the cause of unreadable files', () => {
    expect(reasonGroup('not an IMR letter: no disputed items found')).toBe('not an IMR letter');
    expect(reasonGroup('empty file')).toBe('empty file');
    expect(reasonGroup('unreadable: permission denied (EACCES)')).toBe(
      'unreadable: permission denied (EACCES)',
    );
  });
});

describe('isPerLetterError', () => {
  it('separates data errors from errors about the database itself', () => {
    expect(isPerLetterError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(true);
    expect(isPerLetterError(Object.assign(new Error('x'), { code: '23505' }))).toBe(true);
    expect(isPerLetterError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe(false);
    expect(isPerLetterError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPerLetterError(new TypeError('cannot read properties of undefined'))).toBe(true);
  });
});
