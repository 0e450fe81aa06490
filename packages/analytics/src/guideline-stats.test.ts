import { writeTransaction } from '@imr/store/client';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { letterBatchArb, toLetterToSave } from '@imr/store/test-support/letter.arbitrary';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { citationCoverage, citedPages, guidelineStats } from './guideline-stats';
import {
  referenceCitedNothing,
  referenceCitedPages,
  referenceGuidelineStats,
} from './guideline-stats.reference';
import { buildItemCube } from './item-cube-snapshot';
import type { ReferenceFilter } from './item-stats.reference';

const filterArb: fc.Arbitrary<ReferenceFilter> = fc.oneof(
  fc.constant({}),
  fc.record({ categories: fc.subarray(['PHARMACEUTICAL', 'PHYSICAL_MEDICINE'], { minLength: 1 }) }),
  fc.record({ decisions: fc.constant<string[]>(['UPHELD']) }),
  fc.record({ guidelineSources: fc.constant<string[]>(['MTUS']) }),
);

const queryArb = fc.record({
  filter: filterArb,
  citedBy: fc.constantFrom(null, 'CLAIMS_ADMINISTRATOR', 'IMR_REVIEWER'),
  perCategory: fc.boolean(),
});

// Source and name conditions some of the time, so the cube's guideline restrictions are held to SQL's too.
const sourcesOf = (level: string) => (level === 'GUIDELINE' ? ['MTUS', 'ODG'] : null);
const namesOf = (perCategory: boolean) =>
  perCategory ? ['Chronic Pain Medical Treatment Guidelines', ''] : null;

describeEachBackend('guideline analytics', (backend) => {
  it('agree with citations counted in plain JS over the same random letters', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterBatchArb(50),
        fc.array(queryArb, { minLength: 8, maxLength: 8 }),
        async (letters, queries) => {
          const store = await backend.open();
          try {
            await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
            await buildItemCube(store.db, store.dialect);
            for (const { filter, citedBy, perCategory } of queries) {
              const stats = await guidelineStats(
                store.db,
                { filter, citedBy, perCategory, level: 'TOPIC' },
                store.dialect,
              );
              const expected = referenceGuidelineStats(letters, filter, citedBy, perCategory);
              const actual = Object.fromEntries(
                stats.groups.map((g) => [
                  JSON.stringify([...(perCategory ? [g.category] : []), g.source, g.guideline, g.topic]),
                  {
                    items: g.count,
                    overturnedOrPartial: g.overturned + g.partiallyOverturned,
                    citations: g.citations,
                  },
                ]),
              );
              expect(actual).toEqual(Object.fromEntries(expected));
              for (const g of stats.groups) expect(g.share).toBeLessThanOrEqual(1);

              const pages = await citedPages(store.db, { filter, citedBy }, store.dialect);
              expect(
                Object.fromEntries(
                  pages.groups.map((p) => [JSON.stringify([p.source, p.guideline, p.page]), p.count]),
                ),
              ).toEqual(Object.fromEntries(referenceCitedPages(letters, filter, citedBy)));
              expect(pages.groups.map((p) => p.count)).toEqual(
                [...pages.groups.map((p) => p.count)].sort((a, b) => b - a),
              );

              // The cube's answers (auto, the cube being fresh) and SQL's, figure for figure, at every level.
              for (const level of ['SOURCE', 'GUIDELINE', 'TOPIC'] as const) {
                const args = { filter, citedBy, perCategory, level, sources: sourcesOf(level) };
                expect(await guidelineStats(store.db, args, store.dialect, 'auto')).toEqual(
                  await guidelineStats(store.db, args, store.dialect, 'sql'),
                );
              }
              const pageArgs = {
                filter,
                citedBy,
                perCategory,
                minCount: 2,
                guidelines: namesOf(perCategory),
              };
              expect(await citedPages(store.db, pageArgs, store.dialect, 'auto')).toEqual(
                await citedPages(store.db, pageArgs, store.dialect, 'sql'),
              );

              const parties = ['CLAIMS_ADMINISTRATOR', 'IMR_REVIEWER'];
              const coverage = await citationCoverage(store.db, filter, parties, store.dialect, 'auto');
              // The cube's answer (auto, the cube being fresh) and SQL's must be the same, figure for figure.
              expect(coverage).toEqual(
                await citationCoverage(store.db, filter, parties, store.dialect, 'sql'),
              );
              for (const party of coverage) {
                const wanted = referenceCitedNothing(letters, filter, party.citedBy);
                expect({ items: party.items, citedNothing: party.citedNothing.count }).toEqual(wanted);
                expect(party.citedNothing.count + party.citedSomething.count).toBe(party.items);
              }
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: backend.dialect === 'sqlite' ? 10 : 3 },
    );
  });
});
