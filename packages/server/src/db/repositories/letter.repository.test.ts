import { deflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
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

async function counts(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const one = async (table: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);
  return {
    documents: await one('documents'),
    cases: await one('cases'),
    items: await one('items'),
    citations: await one('citations'),
    pages: await one('citation_pages'),
    regions: await one('item_body_regions'),
    guidelines: await one('guidelines'),
    reviewers: await one('reviewers'),
    fts: await one('item_search'),
  };
}

describe('saveLetters', () => {
  it('stores every row of a letter, then recognises it as already present', async () => {
    const { db, close } = await openDatabase({ path: ':memory:' });
    expect(await db.transaction().execute((trx) => saveLetters(trx, [toSave(seedLikeLetter())]))).toEqual([
      'stored',
    ]);
    const first = await counts(db);
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
    expect(await db.transaction().execute((trx) => saveLetters(trx, [toSave(seedLikeLetter())]))).toEqual([
      'already-present',
    ]);
    expect(await counts(db)).toEqual(first);
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
    const { db, close } = await openDatabase({ path: ':memory:' });
    await db.transaction().execute((trx) => saveLetters(trx, [toSave(seedLikeLetter())]));
    const newer = seedLikeLetter({ parserVersion: '2', caseNumber: 'CM14-0000001' });
    expect(await db.transaction().execute((trx) => saveLetters(trx, [toSave(newer)]))).toEqual(['updated']);
    const after = await counts(db);
    expect(after).toMatchObject({ documents: 1, cases: 1, items: 2, citations: 3, fts: 2 });
    const c = await db.selectFrom('cases').select(['letterKey', 'parserVersion']).executeTakeFirstOrThrow();
    expect(c).toEqual({ letterKey: 'CM14-0000001', parserVersion: '2' });
    const hits = await sql<{
      rowid: number;
    }>`select rowid from item_search where item_search match 'dilaudid'`.execute(db);
    expect(hits.rows).toHaveLength(1);
    await close();
  });

  it('treats the same letter twice in one batch as one', async () => {
    const { db, close } = await openDatabase({ path: ':memory:' });
    const outcomes = await db
      .transaction()
      .execute((trx) =>
        saveLetters(trx, [
          toSave(seedLikeLetter()),
          toSave(seedLikeLetter()),
          toSave(seedLikeLetter(), 'b'.repeat(64)),
        ]),
      );
    expect(outcomes).toEqual(['stored', 'already-present', 'stored']);
    expect((await counts(db)).cases).toBe(2);
    await close();
  });
});
