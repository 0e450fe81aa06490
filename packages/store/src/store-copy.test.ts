import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../test-support/test-store';
import { openStore, type Store, writeTransaction } from './client';
import { beginBulkLoad } from './repositories/bulk-load.repository';
import { itemFilterCondition } from './repositories/item-filter';
import { type LetterToSave, saveLetters } from './repositories/letter.repository';
import { copyStore } from './store-copy';

function letter(n: number): LetterToSave {
  const parsed: ParsedLetter = {
    caseNumber: `CM15-${String(n).padStart(7, '0')}`,
    format: 'pdf-text',
    dates: {
      assigned: null,
      injury: '2011-05-02',
      decision: `2015-03-0${(n % 9) + 1}`,
      urDenial: '2015-02-01',
      applicationReceived: null,
    },
    priority: 'STANDARD',
    reviewer: {
      specialties: [n % 2 ? 'Orthopedic Surgery' : 'Internal Medicine'],
      subspecialties: [],
      licensedIn: ['CA'],
    },
    patient: { age: 40 + n, sex: n % 2 ? 'MALE' : 'FEMALE' },
    diagnoses: ['lumbar strain'],
    summary: `summary of case ${n}`,
    items: [
      {
        title: `Tramadol 50mg #${n}`,
        decision: n % 3 ? 'UPHELD' : 'OVERTURNED',
        partiallyCertified: n % 2 === 0,
        category: 'PHARMACEUTICAL',
        treatment: 'tramadol',
        drug: { name: 'Tramadol', generic: 'tramadol', drugClass: 'OPIOID', strength: '50 mg', dispensed: n },
        quantity: null,
        frequency: null,
        duration: null,
        bodyRegions: ['LUMBAR_SPINE'],
        citations: [
          {
            citedBy: 'IMR_REVIEWER',
            source: 'MTUS',
            guideline: 'Chronic Pain',
            topic: 'Opioids',
            pages: [74, 80 + n],
          },
        ],
        rationale: `tapering of opioid medication is advised in case ${n}`,
      },
    ],
    warnings: [],
    parserVersion: '1',
  };
  const text = `letter ${n}`;
  return {
    letter: parsed,
    document: {
      sha256: n.toString(16).padStart(64, '0'),
      sourcePath: `${n}.txt`,
      sizeBytes: text.length,
      rawText: deflateRawSync(text),
    },
  };
}

async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'documents',
    'cases',
    'items',
    'citations',
    'citationPages',
    'guidelines',
    'reviewers',
    'reviewerSpecialties',
    'itemBodyRegions',
    'diagnoses',
  ] as const) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function searchTitles(store: Store, text: string): Promise<string[]> {
  const found = await store.db
    .selectFrom('items')
    .select('title')
    .where((eb) => itemFilterCondition(eb, { text }, store.dialect))
    .orderBy('id')
    .execute();
  return found.map((r) => r.title);
}

describeEachBackend('copyStore', (backend) => {
  it('copies a SQLite store into an empty one, ids, text and search included', async () => {
    const source = await openStore(':memory:');
    await writeTransaction(source, (tx) => saveLetters(tx, [1, 2, 3, 4, 5].map(letter)));
    const target = await backend.open();
    const progress: string[] = [];
    const report = await copyStore(
      source,
      target,
      (p) => progress.push(`${p.table}:${p.copied}/${p.total}`),
      2,
    );
    expect(report.tables.find((t) => t.table === 'cases')).toEqual({ table: 'cases', rows: 5 });
    expect(progress).toContain('cases:4/5');
    expect(await tableCounts(target)).toEqual(await tableCounts(source));

    const cases = (s: Store) =>
      s.db
        .selectFrom('cases')
        .select(['id', 'letterKey', 'reviewerId', 'documentId'])
        .orderBy('id')
        .execute();
    expect(await cases(target)).toEqual(await cases(source));
    const doc = await target.db
      .selectFrom('documents')
      .select('rawText')
      .where('sourcePath', '=', '3.txt')
      .executeTakeFirstOrThrow();
    expect(inflateRawSync(doc.rawText).toString()).toBe('letter 3');
    expect(await searchTitles(target, 'taper*')).toHaveLength(5);
    if (target.dialect === 'postgres') {
      // The planner has statistics for the copied rows at once, not when autovacuum comes by.
      const analyzed = await sql<{ n: number }>`select count(*) as n from pg_stat_user_tables
        where schemaname = current_schema() and relname = 'items' and last_analyze is not null`.execute(
        target.db,
      );
      expect(analyzed.rows[0]?.n).toBe(1);
    }

    // Sequences continue past the copied ids.
    await writeTransaction(target, (tx) => saveLetters(tx, [letter(6)]));
    const ids = (await cases(target)).map((c) => c.id);
    expect(new Set(ids).size).toBe(6);
    expect(Math.max(...ids)).toBeGreaterThan(Math.max(...(await cases(source)).map((c) => c.id)));
    await source.close();
    await target.close();
  });

  it('copies the letters of a store whose bulk load is unfinished, and not its note of what to rebuild', async () => {
    const source = await openStore(':memory:');
    beginBulkLoad(source.sqlite!, 1, '2026-12-01T00:00:00Z');
    await writeTransaction(source, (tx) =>
      saveLetters(tx, [1, 2, 3].map(letter), undefined, { deferSearch: true }),
    );
    const target = await backend.open();
    await copyStore(source, target);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
    const notes = await sql<{ n: number }>`select count(*) as n from deferred_schema`.execute(target.db);
    expect(Number(notes.rows[0]?.n)).toBe(0);
    expect(await searchTitles(target, 'taper*')).toHaveLength(3);
    await source.close();
    await target.close();
  });

  it('copies back into SQLite', async () => {
    const source = await backend.open();
    await writeTransaction(source, (tx) => saveLetters(tx, [7, 8].map(letter)));
    const target = await openStore(':memory:');
    await copyStore(source, target);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
    expect(await searchTitles(target, 'tapering')).toEqual(['Tramadol 50mg #7', 'Tramadol 50mg #8']);
    await source.close();
    await target.close();
  });

  it('refuses a target that already holds letters, and leaves it as it was', async () => {
    const source = await openStore(':memory:');
    await writeTransaction(source, (tx) => saveLetters(tx, [1, 2].map(letter)));
    const target = await backend.open();
    await writeTransaction(target, (tx) => saveLetters(tx, [letter(9)]));
    await expect(copyStore(source, target)).rejects.toThrow(/target is not empty \(1 rows in documents\)/);
    expect((await tableCounts(target)).cases).toBe(1);
    await source.close();
    await target.close();
  });
});
