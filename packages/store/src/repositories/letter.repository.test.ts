import { deflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { letterBatchArb, toLetterToSave } from '../../test-support/letter.arbitrary';
import { describeEachBackend } from '../../test-support/test-store';
import { openStore, type Store, writeTransaction } from '../client';
import { type LetterToSave, saveLetters } from './letter.repository';

// A letter shaped like seed 004 (two items, three citations), written by hand so this test does not depend on
// the parser.
function seedLikeLetter(overrides: Partial<ParsedLetter> = {}): ParsedLetter {
  return {
    caseNumber: null,
    format: 'pdf-text',
    dates: {
      assigned: null,
      injury: '1984-03-16',
      decision: '2014-02-20',
      urDenial: '2014-01-30',
      applicationReceived: null,
    },
    priority: null,
    reviewer: {
      specialties: ['Physical Medicine and Rehabilitation'],
      subspecialties: [],
      licensedIn: ['CA'],
    },
    patient: { age: 61, sex: 'FEMALE' },
    diagnoses: ['degenerated cervical disc disease', 'lumbar sprain/strain'],
    summary: 'a 61-year-old female with a 3/16/84 date of injury',
    items: [
      {
        title: '6 manual massage therapy sessions',
        decision: 'UPHELD',
        partiallyCertified: false,
        category: 'PHYSICAL_MEDICINE',
        treatment: 'massage therapy',
        drug: null,
        quantity: { count: 6, unit: 'session' },
        frequency: null,
        duration: null,
        bodyRegions: [],
        citations: [
          {
            citedBy: 'CLAIMS_ADMINISTRATOR',
            source: 'MTUS',
            guideline: 'Chronic Pain Medical Treatment Guidelines',
            topic: 'Massage/Myotherapy',
            pages: [],
          },
          {
            citedBy: 'IMR_REVIEWER',
            source: 'MTUS',
            guideline: 'Chronic Pain Medical Treatment Guidelines',
            topic: 'Massage Therapy',
            pages: [60],
          },
        ],
        rationale:
          'there is no documentation of objective functional improvement following previous treatment',
      },
      {
        title: 'Dilaudid 4mg #90',
        decision: 'UPHELD',
        partiallyCertified: true,
        category: 'PHARMACEUTICAL',
        treatment: 'hydromorphone',
        drug: {
          name: 'Dilaudid',
          generic: 'hydromorphone',
          drugClass: 'OPIOID',
          strength: '4 mg',
          dispensed: 90,
        },
        quantity: null,
        frequency: null,
        duration: null,
        bodyRegions: ['CERVICAL_SPINE', 'CERVICAL_SPINE'],
        citations: [
          {
            citedBy: 'IMR_REVIEWER',
            source: 'MTUS',
            guideline: 'Chronic Pain Medical Treatment Guidelines',
            topic: 'Opioids',
            pages: [74, 75, 76],
          },
        ],
        rationale: 'no documentation of functional benefit as a result of Dilaudid use to date',
      },
    ],
    warnings: [],
    parserVersion: '1',
    ...overrides,
  };
}

function toSave(letter: ParsedLetter, sha = 'a'.repeat(64)): LetterToSave {
  return {
    letter,
    document: { sha256: sha, sourcePath: 'x.txt', sizeBytes: 10, rawText: deflateRawSync('text') },
  };
}

async function counts({ db }: Store) {
  const one = async (table: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);
  // Full-text rows: the FTS5 index on SQLite, the tsvector table on PostgreSQL (same name on both).
  const indexed = sql<{ n: number }>`select count(*) as n from item_search`;
  return {
    documents: await one('documents'),
    cases: await one('cases'),
    items: await one('items'),
    citations: await one('citations'),
    pages: await one('citation_pages'),
    regions: await one('item_body_regions'),
    guidelines: await one('guidelines'),
    reviewers: await one('reviewers'),
    fts: Number((await indexed.execute(db)).rows[0]?.n),
  };
}

async function searchHits({ db, dialect }: Store, word: string): Promise<number> {
  const query =
    dialect === 'postgres'
      ? sql<{
          id: number;
        }>`select item_id as id from item_search where search @@ to_tsquery('english', ${word})`
      : sql<{ id: number }>`select rowid as id from item_search where item_search match ${word}`;
  return (await query.execute(db)).rows.length;
}

describeEachBackend('saveLetters', (backend) => {
  it('stores every row of a letter, then recognises it as already present', async () => {
    const store = await backend.open();
    const { db, close } = store;
    expect(await writeTransaction(store, (tx) => saveLetters(tx, [toSave(seedLikeLetter())]))).toEqual([
      'stored',
    ]);
    const first = await counts(store);
    expect(first).toEqual({
      documents: 1,
      cases: 1,
      items: 2,
      citations: 3,
      pages: 4,
      regions: 1,
      guidelines: 3,
      reviewers: 1,
      fts: 2,
    });
    expect(await writeTransaction(store, (tx) => saveLetters(tx, [toSave(seedLikeLetter())]))).toEqual([
      'already-present',
    ]);
    expect(await counts(store)).toEqual(first);
    const item = await db.selectFrom('items').selectAll().where('ordinal', '=', 1).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      drugClass: 'OPIOID',
      decisionYear: 2014,
      decisionMonth: '2014-02',
      patientAgeBand: '60-69',
    });
    const c = await db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(c.daysToDecision).toBe(21);
    await close();
  });

  it('re-derives the rows of a letter stored by another parser version, keeping one copy', async () => {
    const store = await backend.open();
    const { db, close } = store;
    await writeTransaction(store, (tx) => saveLetters(tx, [toSave(seedLikeLetter())]));
    const newer = seedLikeLetter({ parserVersion: '2', caseNumber: 'CM14-0000001' });
    expect(await writeTransaction(store, (tx) => saveLetters(tx, [toSave(newer)]))).toEqual(['updated']);
    const after = await counts(store);
    expect(after).toMatchObject({ documents: 1, cases: 1, items: 2, citations: 3, fts: 2 });
    const c = await db.selectFrom('cases').select(['letterKey', 'parserVersion']).executeTakeFirstOrThrow();
    expect(c).toEqual({ letterKey: 'CM14-0000001', parserVersion: '2' });
    expect(await searchHits(store, 'dilaudid')).toBe(1);
    await close();
  });

  it('adds the new reviewer profiles of a batch with their specialties and states, reusing known ones', async () => {
    const store = await backend.open();
    const { db, close } = store;
    const withReviewer = (n: number, reviewer: ParsedLetter['reviewer']) =>
      toSave(seedLikeLetter({ caseNumber: `CM14-000000${n}`, reviewer }), String(n).repeat(64));
    const a = { specialties: ['Internal Medicine'], subspecialties: [], licensedIn: ['CA'] };
    const b = {
      specialties: ['Orthopedic Surgery', 'Pain Medicine'],
      subspecialties: ['Spine'],
      licensedIn: ['NY', 'TX'],
    };
    await writeTransaction(store, (tx) =>
      saveLetters(tx, [withReviewer(1, a), withReviewer(2, b), withReviewer(3, a)]),
    );
    await writeTransaction(store, (tx) => saveLetters(tx, [withReviewer(4, b)]));
    const one = async (table: string) =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n,
      );
    expect([await one('reviewers'), await one('reviewer_specialties'), await one('reviewer_states')]).toEqual(
      [2, 4, 3],
    );
    const reviewerOf = await db
      .selectFrom('cases')
      .select(['caseNumber', 'reviewerId'])
      .orderBy('caseNumber')
      .execute();
    expect(new Set(reviewerOf.map((c) => c.reviewerId)).size).toBe(2);
    expect(reviewerOf[0]!.reviewerId).toBe(reviewerOf[2]!.reviewerId);
    expect(reviewerOf[1]!.reviewerId).toBe(reviewerOf[3]!.reviewerId);
    await close();
  });

  it('treats the same letter twice in one batch as one', async () => {
    const store = await backend.open();
    const { close } = store;
    const outcomes = await writeTransaction(store, (tx) =>
      saveLetters(tx, [
        toSave(seedLikeLetter()),
        toSave(seedLikeLetter()),
        toSave(seedLikeLetter(), 'b'.repeat(64)),
      ]),
    );
    expect(outcomes).toEqual(['stored', 'already-present', 'stored']);
    expect((await counts(store)).cases).toBe(2);
    await close();
  });

  // PostgreSQL's advisory locks belong to the database, and a store is one schema of it: each store's writers
  // take turns, but the writers of another store in the same database must not wait for them.
  it.runIf(backend.dialect === 'postgres')(
    "makes one store's writers take turns and never holds up another store's",
    async () => {
      const [targetA, targetB] = [await backend.freshTarget(), await backend.freshTarget()];
      const holderStore = await openStore(targetA);
      const sameStore = await openStore(targetA);
      const otherStore = await openStore(targetB);
      const settledWithin = <T>(p: Promise<T>, ms: number) =>
        Promise.race([p.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), ms))]);
      try {
        let release = () => {};
        const released = new Promise<void>((r) => {
          release = r;
        });
        let locked = () => {};
        const lockTaken = new Promise<void>((r) => {
          locked = r;
        });
        const holder = writeTransaction(holderStore, async (tx) => {
          await saveLetters(tx, [toSave(seedLikeLetter())]);
          locked();
          await released;
        });
        await lockTaken;
        const other = writeTransaction(otherStore, (tx) => saveLetters(tx, [toSave(seedLikeLetter())]));
        const same = writeTransaction(sameStore, (tx) =>
          saveLetters(tx, [toSave(seedLikeLetter(), 'b'.repeat(64))]),
        );
        const otherWithinHold = await settledWithin(other, 10_000);
        const sameWithinHold = await settledWithin(same, 300);
        release();
        await holder;
        expect({ otherWithinHold, sameWithinHold }).toEqual({ otherWithinHold: true, sameWithinHold: false });
        expect(await other).toEqual(['stored']);
        expect(await same).toEqual(['stored']);
        expect((await counts(holderStore)).cases).toBe(2);
      } finally {
        await Promise.all([holderStore.close(), sameStore.close(), otherStore.close()]);
      }
    },
  );

  it('keeps full-text search in step when an item is changed or deleted', async () => {
    const store = await backend.open();
    await writeTransaction(store, (tx) => saveLetters(tx, [toSave(seedLikeLetter())]));
    await store.db
      .updateTable('items')
      .set({ rationale: 'acupuncture was tried' })
      .where('ordinal', '=', 1)
      .execute();
    expect(await searchHits(store, 'dilaudid')).toBe(1); // still in the title
    expect(await searchHits(store, 'acupuncture')).toBe(1);
    expect(await searchHits(store, 'benefit')).toBe(0);
    await store.db.deleteFrom('citationPages').execute();
    await store.db.deleteFrom('citations').execute();
    await store.db.deleteFrom('itemBodyRegions').execute();
    await store.db.deleteFrom('items').where('ordinal', '=', 1).execute();
    expect(await searchHits(store, 'acupuncture')).toBe(0);
    expect((await counts(store)).fts).toBe(1);
    await store.close();
  });

  // Two ingest processes on overlapping folders: separate pools, transactions interleaving on the server.
  it.runIf(backend.dialect === 'postgres')(
    'stores each letter once when two writers save overlapping batches at the same time',
    async () => {
      const target = await backend.freshTarget();
      const [a, b] = [await openStore(target), await openStore(target)];
      const letters = Array.from({ length: 40 }, (_, i) =>
        toSave(
          seedLikeLetter({ caseNumber: `CM14-${String(i).padStart(7, '0')}` }),
          i.toString(16).padStart(64, '0'),
        ),
      );
      const inBatches = async (store: Store, saves: LetterToSave[]) => {
        const outcomes = [];
        for (let i = 0; i < saves.length; i += 10) {
          const batch = saves.slice(i, i + 10);
          outcomes.push(...(await writeTransaction(store, (tx) => saveLetters(tx, batch))));
        }
        return outcomes;
      };
      const [fromA, fromB] = await Promise.all([
        inBatches(a, letters.slice(0, 30)),
        inBatches(b, letters.slice(10).reverse()),
      ]);
      const all = [...fromA, ...fromB];
      expect(all.filter((o) => o === 'stored')).toHaveLength(40);
      expect(all.filter((o) => o === 'already-present')).toHaveLength(20);
      expect(await counts(a)).toEqual({
        documents: 40,
        cases: 40,
        items: 80,
        citations: 120,
        pages: 160,
        regions: 40,
        guidelines: 3,
        reviewers: 1,
        fts: 80,
      });
      await Promise.all([a.close(), b.close()]);
    },
  );
});

describe('saveLetters on SQLite (prepared statements, full-text index written per batch)', () => {
  it('keeps the full-text index and every foreign key in step through stores, duplicates and re-derivations', async () => {
    await fc.assert(
      fc.asyncProperty(letterBatchArb(25), fc.integer({ min: 1, max: 9 }), async (letters, batchSize) => {
        const store = await openStore(':memory:');
        const sqlite = store.sqlite!;
        try {
          const saves = letters.map(toLetterToSave);
          // Every letter once, then again (already present), then a third of them by a newer parser (updated).
          const newer = saves
            .filter((_, i) => i % 3 === 0)
            .map((s) => ({ ...s, letter: { ...s.letter, parserVersion: `${s.letter.parserVersion}+1` } }));
          for (const round of [saves, saves, newer]) {
            for (let i = 0; i < round.length; i += batchSize) {
              const batch = round.slice(i, i + batchSize);
              await writeTransaction(store, (tx) => saveLetters(tx, batch));
            }
          }
          // FTS5's own check: the index holds exactly the rows' current text, nothing more or less.
          sqlite.prepare(`insert into item_search (item_search, rank) values ('integrity-check', 1)`).run();
          sqlite.prepare(`insert into case_search (case_search, rank) values ('integrity-check', 1)`).run();
          expect(sqlite.prepare('pragma foreign_key_check').all()).toEqual([]);
          const count = (table: string) =>
            (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
          expect(count('cases')).toBe(letters.length);
          expect(count('documents')).toBe(letters.length);
          expect(count('items')).toBe(letters.reduce((n, l) => n + l.items.length, 0));
          expect(count('item_search')).toBe(count('items'));
          expect(count('case_search')).toBe(count('cases'));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
