import { deflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import { itemFilterCondition, toFtsQuery, toTsQuery } from './item-filter';
import { saveLetters } from './letter.repository';

function letter(
  sha: string,
  items: Partial<ParsedLetter['items'][number]>[],
  reviewerState = 'CA',
): ParsedLetter {
  return {
    caseNumber: null,
    format: 'pdf-text',
    dates: {
      assigned: null,
      injury: '2010-01-01',
      decision: '2015-06-01',
      urDenial: null,
      applicationReceived: null,
    },
    priority: 'STANDARD',
    reviewer: { specialties: ['Family Medicine'], subspecialties: [], licensedIn: [reviewerState] },
    patient: { age: 45, sex: 'MALE' },
    diagnoses: [],
    summary: null,
    items: items.map((i) => ({
      title: 'x',
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
      rationale: 'none',
      ...i,
    })),
    warnings: [],
    parserVersion: sha,
  };
}

describeEachBackend('itemFilterCondition', (backend) => {
  it('combines plain, multi-valued and full-text conditions', async () => {
    const store = await backend.open();
    const { db, dialect, close } = store;
    const doc = (sha: string) => ({
      sha256: sha,
      sourcePath: sha,
      sizeBytes: 1,
      rawText: deflateRawSync(''),
    });
    await writeTransaction(store, (tx) =>
      saveLetters(tx, [
        {
          letter: letter('1', [
            {
              title: 'Norco',
              category: 'PHARMACEUTICAL',
              rationale: 'opioid weaning advised',
              decision: 'OVERTURNED',
            },
            {
              title: 'PT knee',
              partiallyCertified: true,
              category: 'PHYSICAL_MEDICINE',
              bodyRegions: ['KNEE'],
              citations: [
                {
                  citedBy: 'IMR_REVIEWER',
                  source: 'ODG',
                  guideline: 'Official Disability Guidelines',
                  topic: 'Knee',
                  pages: [],
                },
              ],
            },
          ]),
          document: doc('1'),
        },
        { letter: letter('2', [{ title: 'MRI', category: 'DIAGNOSTIC_IMAGING' }], 'TX'), document: doc('2') },
      ]),
    );
    const titles = async (filter: Parameters<typeof itemFilterCondition>[1]) =>
      (
        await db
          .selectFrom('items')
          .select('title')
          .where((eb) => itemFilterCondition(eb, filter, dialect))
          .orderBy('id')
          .execute()
      ).map((r) => r.title);
    expect(await titles({})).toEqual(['Norco', 'PT knee', 'MRI']);
    expect(await titles({ categories: ['PHARMACEUTICAL', 'DIAGNOSTIC_IMAGING'] })).toEqual(['Norco', 'MRI']);
    expect(await titles({ bodyRegions: ['KNEE'] })).toEqual(['PT knee']);
    expect(await titles({ reviewerStates: ['TX'] })).toEqual(['MRI']);
    expect(await titles({ guidelineSources: ['ODG'] })).toEqual(['PT knee']);
    expect(await titles({ text: 'weaning' })).toEqual(['Norco']);
    expect(await titles({ text: 'wean*' })).toEqual(['Norco']);
    expect(await titles({ text: 'opio*' })).toEqual(['Norco']);
    expect(await titles({ text: 'opioid advised' })).toEqual(['Norco']);
    expect(await titles({ text: 'opioid knee' })).toEqual([]);
    expect(await titles({ text: 'opioid OR knee' })).toEqual([]);
    expect(await titles({ text: "'; drop table items; --" })).toEqual([]);
    expect(await titles({ decisions: ['OVERTURNED'], categories: ['PHYSICAL_MEDICINE'] })).toEqual([]);
    expect(await titles({ decisionDateFrom: '2015-06-02' })).toEqual([]);
    expect(await titles({ partiallyCertified: true })).toEqual(['PT knee']);
    expect(await titles({ partiallyCertified: false })).toEqual(['Norco', 'MRI']);
    await close();
  });
});

describe('toFtsQuery', () => {
  it('quotes every word of a full-text query', () => {
    expect(toFtsQuery('massage "therapy" OR near(')).toBe('"massage" "therapy" "OR" "near"');
    expect(toFtsQuery('opio*')).toBe('"opio"*');
    expect(toFtsQuery('  ;;; ')).toBeNull();
  });

  it('makes a PostgreSQL tsquery of the same words', () => {
    expect(toTsQuery("massage 'therapy' | !near(")).toBe('massage & therapy & near');
    expect(toTsQuery('opio*')).toBe('opio:*');
    expect(toTsQuery('  ;;; ')).toBeNull();
  });
});
