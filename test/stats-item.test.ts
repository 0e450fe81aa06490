import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { ParsedLetter } from '@imr/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceItemStats } from '../packages/analytics/src/item-stats.reference';
import { buildApp } from '../packages/server/src/yoga';
import { type Store, writeTransaction } from '../packages/store/src/client';
import type { ItemDimension } from '../packages/store/src/dimensions';
import { saveLetters } from '../packages/store/src/repositories/letter.repository';
import { describeEachBackend } from '../packages/store/test-support/test-store';

// itemStats over the five seed letters, through GraphQL, against the hand counts and against plain JS over
// the hand-checked gold records (not the parser's output, so these numbers test the aggregates alone).

type GoldLetter = Omit<ParsedLetter, 'format' | 'summary' | 'warnings' | 'parserVersion' | 'items'> & {
  file: string;
  items: (Partial<ParsedLetter['items'][number]> &
    Pick<
      ParsedLetter['items'][number],
      'title' | 'decision' | 'category' | 'treatment' | 'bodyRegions' | 'citations'
    >)[];
};

function goldLetters(): ParsedLetter[] {
  const gold = JSON.parse(readFileSync(new URL('./fixtures/seeds.gold.json', import.meta.url), 'utf8')) as {
    letters: GoldLetter[];
  };
  return gold.letters.map(({ file: _file, ...letter }) => ({
    ...letter,
    format: 'gold',
    summary: null,
    warnings: [],
    parserVersion: 'gold',
    items: letter.items.map((item) => ({
      partiallyCertified: false,
      drug: null,
      quantity: null,
      frequency: null,
      duration: null,
      rationale: '',
      ...item,
    })),
  }));
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let store: Store;
let app: ReturnType<typeof buildApp>;
const letters = goldLetters();

async function query<T>(
  document: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

describeEachBackend('analytics end to end', (backend) => {
  beforeAll(async () => {
    store = await backend.open();
    await writeTransaction(store, (tx) =>
      saveLetters(
        tx,
        letters.map((letter, i) => ({
          letter,
          document: {
            sha256: String(i).repeat(64),
            sourcePath: `seed-${i}.txt`,
            sizeBytes: 1,
            rawText: deflateRawSync(`seed ${i}`),
          },
        })),
      ),
    );
    app = buildApp({ db: store.db, dialect: store.dialect });
  });

  afterAll(async () => {
    await store.close();
  });

  const TALLY =
    'count upheld overturned partiallyOverturned unknown decided overturnRate overturnRateInterval { low high }';

  interface Tally {
    count: number;
    upheld: number;
    overturned: number;
    partiallyOverturned: number;
    unknown: number;
    decided: number;
    overturnRate: number | null;
    overturnRateInterval: { low: number; high: number } | null;
  }
  interface ItemStatsData {
    itemStats: {
      total: Tally;
      groupCount: number;
      groups: (Tally & { key: Record<string, string | number | null> })[];
    };
  }

  describe('itemStats over the seed letters', () => {
    it('gives the hand counts by category', async () => {
      const result = await query<ItemStatsData>(
        `{ itemStats(groupBy: [CATEGORY]) { total { ${TALLY} } groupCount groups { key { category decisionYear } ${TALLY} } } }`,
      );
      expect(result.errors).toBeUndefined();
      const { total, groups } = result.data!.itemStats;
      expect(total).toMatchObject({ count: 9, upheld: 8, overturned: 1, partiallyOverturned: 0, decided: 9 });
      expect(total.overturnRate).toBeCloseTo(1 / 9, 12);
      expect(groups.map((g) => [g.key.category, g.key.decisionYear, g.count, g.overturned])).toEqual([
        ['PHYSICAL_MEDICINE', null, 8, 1],
        ['PHARMACEUTICAL', null, 1, 0],
      ]);
      const physical = groups[0]!;
      expect(physical.overturnRate).toBe(0.125);
      expect(physical.overturnRateInterval!.low).toBeCloseTo(0.0224, 4);
      expect(physical.overturnRateInterval!.high).toBeCloseTo(0.4709, 4);
    });

    const groupings: ItemDimension[][] = [
      ['BODY_REGION'],
      ['REVIEWER_SPECIALTY'],
      ['REVIEWER_STATE', 'PATIENT_SEX'],
      ['CITED_BY', 'GUIDELINE_SOURCE'],
      ['GUIDELINE', 'GUIDELINE_TOPIC'],
      ['TREATMENT', 'DECISION', 'PATIENT_AGE_BAND'],
      ['DRUG_CLASS', 'DRUG', 'PRIORITY'],
      ['DECISION_YEAR', 'DECISION_MONTH'],
    ];
    const KEY_FIELDS: Record<ItemDimension, string> = {
      CATEGORY: 'category',
      DECISION_YEAR: 'decisionYear',
      DECISION_MONTH: 'decisionMonth',
      DRUG_CLASS: 'drugClass',
      DRUG: 'drug',
      TREATMENT: 'treatment',
      BODY_REGION: 'bodyRegion',
      REVIEWER_SPECIALTY: 'reviewerSpecialty',
      REVIEWER_STATE: 'reviewerState',
      GUIDELINE_SOURCE: 'guidelineSource',
      GUIDELINE_TOPIC: 'guidelineTopic',
      GUIDELINE: 'guideline',
      CITED_BY: 'citedBy',
      PRIORITY: 'priority',
      PATIENT_SEX: 'patientSex',
      PATIENT_AGE_BAND: 'patientAgeBand',
      DECISION: 'decision',
    };
    const AGE_BAND_NAMES: Record<string, string> = {
      '18-29': 'AGE_18_29',
      '40-49': 'AGE_40_49',
      '60-69': 'AGE_60_69',
    };

    it.each(groupings.map((g) => [g.join(' × '), g] as const))(
      'agrees with plain JS grouped by %s',
      async (_name, groupBy) => {
        const fields = groupBy.map((d) => KEY_FIELDS[d]).join(' ');
        const result = await query<ItemStatsData>(
          `query($groupBy: [ItemDimension!]) { itemStats(groupBy: $groupBy) { total { ${TALLY} } groups { key { ${fields} } ${TALLY} } } }`,
          { groupBy },
        );
        expect(result.errors).toBeUndefined();
        const expected = referenceItemStats(letters, {}, groupBy);
        const actual = new Map(
          result.data!.itemStats.groups.map((g) => [
            JSON.stringify(groupBy.map((d) => g.key[KEY_FIELDS[d]] ?? null)),
            {
              count: g.count,
              upheld: g.upheld,
              overturned: g.overturned,
              partiallyOverturned: g.partiallyOverturned,
              unknown: g.unknown,
            },
          ]),
        );
        const expectedWithEnumNames = new Map(
          [...expected.groups].map(([key, tally]) => [
            JSON.stringify(
              (JSON.parse(key) as (string | number | null)[]).map((v, i) =>
                groupBy[i] === 'PATIENT_AGE_BAND' && typeof v === 'string' ? AGE_BAND_NAMES[v] : v,
              ),
            ),
            tally,
          ]),
        );
        expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expectedWithEnumNames));
        expect(result.data!.itemStats.total.count).toBe(9);
      },
    );

    it('returns time groups in time order, undated items last', async () => {
      // Only seed 001 states its decision date (2014-11-25); the other eight items are undated.
      const result = await query<ItemStatsData>(
        `{ itemStats(groupBy: [DECISION_MONTH, CATEGORY]) { groups { key { decisionMonth category } count } } }`,
      );
      expect(result.data!.itemStats.groups).toEqual([
        { key: { decisionMonth: '2014-11', category: 'PHYSICAL_MEDICINE' }, count: 1 },
        { key: { decisionMonth: null, category: 'PHARMACEUTICAL' }, count: 1 },
        { key: { decisionMonth: null, category: 'PHYSICAL_MEDICINE' }, count: 7 },
      ]);
    });

    it('hides small groups with minCount, truncates with limit and says so in groupCount', async () => {
      const result = await query<ItemStatsData>(
        `{ itemStats(groupBy: [TREATMENT], minCount: 2, limit: 1) { groupCount groups { key { treatment } count } } }`,
      );
      // massage therapy 6, chiropractic 1, occupational therapy 1, hydromorphone 1.
      expect(result.data!.itemStats).toEqual({
        groupCount: 1,
        groups: [{ key: { treatment: 'massage therapy' }, count: 6 }],
      });
      const ordered = await query<ItemStatsData>(
        `{ itemStats(groupBy: [TREATMENT], orderBy: KEY_DESC, limit: 2) { groupCount groups { key { treatment } } } }`,
      );
      expect(ordered.data!.itemStats.groupCount).toBe(4);
      expect(ordered.data!.itemStats.groups.map((g) => g.key.treatment)).toEqual([
        'occupational therapy',
        'massage therapy',
      ]);
    });

    it.each([
      [
        'four dimensions',
        '{ itemStats(groupBy: [CATEGORY, PRIORITY, DRUG, DECISION]) { total { count } } }',
        /at most 3 dimensions/,
      ],
      [
        'a repeated dimension',
        '{ itemStats(groupBy: [CATEGORY, CATEGORY]) { total { count } } }',
        /CATEGORY is listed twice/,
      ],
      ['a negative minCount', '{ itemStats(minCount: -1) { total { count } } }', /minCount/],
      ['a zero limit', '{ itemStats(limit: 0) { total { count } } }', /limit/],
      [
        'a malformed date',
        '{ itemStats(filter: { decisionDateFrom: "2014-13-45" }) { total { count } } }',
        /decisionDateFrom/,
      ],
    ])('rejects %s as BAD_USER_INPUT', async (_name, document, message) => {
      const result = await query<ItemStatsData>(document);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    });
  });

  describe('case and guideline analytics over the seed letters', () => {
    it('counts cases, items per case and days from UR denial to decision', async () => {
      // Only seed 001 states both dates: UR denial 2014-10-03, decision 2014-11-25 → 53 days.
      const result = await query<{
        caseStats: {
          total: {
            cases: number;
            items: number;
            itemsPerCase: number;
            daysToDecision: Record<string, number | null>;
          };
          groups: { key: { reviewerState: string | null }; cases: number; items: number }[];
        };
      }>(
        `{ caseStats(groupBy: [REVIEWER_STATE]) { total { cases items itemsPerCase daysToDecision { count mean median p90 min max } }
         groups { key { reviewerState } cases items } } }`,
      );
      expect(result.errors).toBeUndefined();
      const { total, groups } = result.data!.caseStats;
      expect(total).toEqual({
        cases: 5,
        items: 9,
        itemsPerCase: 1.8,
        daysToDecision: { count: 1, mean: 53, median: 53, p90: 53, min: 53, max: 53 },
      });
      expect(groups).toEqual([
        { key: { reviewerState: 'CA' }, cases: 3, items: 4 },
        { key: { reviewerState: 'IL' }, cases: 1, items: 1 },
        { key: { reviewerState: 'NC' }, cases: 1, items: 4 },
      ]);
    });

    it('finds the MTUS page that decides massage therapy (Chronic Pain p.60)', async () => {
      const result = await query<{
        citedPages: {
          items: { count: number };
          groups: { source: string; guideline: string; page: number; count: number; share: number }[];
        };
      }>(
        `{ citedPages(filter: { treatment: ["massage therapy"] }, citedBy: IMR_REVIEWER, source: [MTUS], limit: 1) {
         items { count } groups { source guideline page count share } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.citedPages).toEqual({
        items: { count: 6 },
        groups: [
          {
            source: 'MTUS',
            guideline: 'Chronic Pain Medical Treatment Guidelines',
            page: 60,
            count: 6,
            share: 1,
          },
        ],
      });
    });

    it('ranks the guidelines cited and says how often the claims administrator cited nothing', async () => {
      const result = await query<{
        guidelineStats: {
          groups: { source: string; guideline: string | null; count: number; citations: number }[];
        };
        citationCoverage: {
          citedBy: string;
          items: number;
          citedNothing: { count: number };
          citedNothingShare: number;
        }[];
      }>(
        `{ guidelineStats(citedBy: IMR_REVIEWER) { groups { source guideline count citations } }
         citationCoverage { citedBy items citedNothing { count } citedNothingShare } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.guidelineStats.groups).toEqual([
        { source: 'MTUS', guideline: 'Chronic Pain Medical Treatment Guidelines', count: 9, citations: 9 },
        { source: 'CCR', guideline: 'Title 8, California Code of Regulations', count: 1, citations: 1 },
        { source: 'ODG', guideline: 'Official Disability Guidelines', count: 1, citations: 1 },
      ]);
      // Seeds 000 and 002 (second item): the claims administrator cited no guideline.
      expect(result.data!.citationCoverage).toEqual([
        { citedBy: 'CLAIMS_ADMINISTRATOR', items: 9, citedNothing: { count: 2 }, citedNothingShare: 2 / 9 },
        { citedBy: 'IMR_REVIEWER', items: 9, citedNothing: { count: 0 }, citedNothingShare: 0 },
      ]);
    });

    it('returns a gap-free time series', async () => {
      const result = await query<{
        timeSeries: { buckets: { period: string; count: number }[]; undated: { count: number } };
      }>(
        `{ timeSeries(interval: MONTH, filter: { decisionDateFrom: "2014-09-01", decisionDateTo: "2014-12-31" }) {
         buckets { period count } undated { count } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.timeSeries).toEqual({
        buckets: [
          { period: '2014-09', count: 0 },
          { period: '2014-10', count: 0 },
          { period: '2014-11', count: 1 },
          { period: '2014-12', count: 0 },
        ],
        undated: { count: 0 },
      });
    });
  });
});
