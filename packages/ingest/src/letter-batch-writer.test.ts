import { deflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
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
      for (let i = 1; i <= 6; i++) writer.add(parsed(i, `CM14-000000${i}`, `t${i}`));
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
