import { describe, expect, it } from 'vitest';
import { collect, walkPages } from './paginate.js';
import { toCsv, toRows } from './to-rows.js';
import { toTextTable } from './to-text-table.js';

describe('toRows', () => {
  it('flattens stats groups with key fields as leading columns', () => {
    const data = {
      itemStats: {
        total: { count: 9 },
        groups: [
          {
            key: { category: 'PHYSICAL_MEDICINE', decisionYear: null },
            count: 8,
            overturnRateInterval: { low: 0.02, high: 0.47 },
          },
          {
            key: { category: 'PHARMACEUTICAL', decisionYear: 2014 },
            count: 1,
            overturnRateInterval: { low: 0, high: 0.79 },
          },
        ],
      },
    };
    expect(toRows(data)).toEqual([
      {
        category: 'PHYSICAL_MEDICINE',
        decisionYear: null,
        count: 8,
        'overturnRateInterval.low': 0.02,
        'overturnRateInterval.high': 0.47,
      },
      {
        category: 'PHARMACEUTICAL',
        decisionYear: 2014,
        count: 1,
        'overturnRateInterval.low': 0,
        'overturnRateInterval.high': 0.79,
      },
    ]);
  });

  it('flattens connection nodes, joining scalar lists and counting object lists', () => {
    const rows = toRows({
      items: {
        totalCount: 2,
        edges: [
          {
            node: {
              title: 'Norco',
              bodyRegions: ['KNEE', 'HIP'],
              drug: { generic: 'hydrocodone' },
              citations: [{ a: 1 }],
            },
          },
        ],
        pageInfo: { hasNextPage: false },
      },
    });
    expect(rows).toEqual([
      { title: 'Norco', bodyRegions: 'KNEE; HIP', 'drug.generic': 'hydrocodone', citations: 1 },
    ]);
  });

  it('writes CSV with quoting', () => {
    expect(
      toCsv([
        { a: 'x, y', b: 1 },
        { a: 'say "hi"', c: null },
      ]),
    ).toBe('a,b,c\n"x, y",1,\n"say ""hi""",,\n');
  });
});

describe('walkPages', () => {
  it('follows endCursor until hasNextPage is false', async () => {
    const pages: Record<
      string,
      { edges: { node: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
    > = {
      start: { edges: [{ node: 1 }, { node: 2 }], pageInfo: { hasNextPage: true, endCursor: 'c2' } },
      c2: { edges: [{ node: 3 }], pageInfo: { hasNextPage: false, endCursor: 'c3' } },
    };
    const seen: (string | null)[] = [];
    const nodes = await collect(
      walkPages(async (after) => {
        seen.push(after);
        return pages[after ?? 'start']!;
      }),
    );
    expect(nodes).toEqual([1, 2, 3]);
    expect(seen).toEqual([null, 'c2']);
  });
});

describe('toRows on stats results', () => {
  const stats = {
    itemStats: {
      groups: [
        { key: { category: 'PHARMACEUTICAL', drugClass: null, decisionYear: null }, count: 1 },
        { key: { category: 'PHYSICAL_MEDICINE', drugClass: null, decisionYear: 2014 }, count: 8 },
      ],
    },
  };

  it('leaves out key columns that are null in every group (the dimensions not grouped by)', () => {
    expect(toRows(stats)).toEqual([
      { category: 'PHARMACEUTICAL', decisionYear: null, count: 1 },
      { category: 'PHYSICAL_MEDICINE', decisionYear: 2014, count: 8 },
    ]);
  });

  it('keeps them all when asked', () => {
    expect(Object.keys(toRows(stats, { allKeys: true })[0]!)).toEqual([
      'category',
      'drugClass',
      'decisionYear',
      'count',
    ]);
  });
});

describe('toTextTable', () => {
  it('right-aligns formatted numbers such as percentages', () => {
    expect(toTextTable([{ rate: '5.0%' }, { rate: '12.5%' }]).split('\n')).toEqual([
      ' rate',
      '─────',
      ' 5.0%',
      '12.5%',
    ]);
  });

  it('aligns columns, numbers to the right, with headings and a null marker', () => {
    const table = toTextTable(
      [
        { category: 'PHARMACEUTICAL', items: 1, rate: null },
        { category: 'PHYSICAL_MEDICINE', items: 8, rate: 0.125 },
      ],
      { columns: ['category', 'items', { key: 'rate', heading: 'overturn rate' }] },
    );
    expect(table.split('\n')).toEqual([
      'category           items  overturn rate',
      '─────────────────  ─────  ─────────────',
      'PHARMACEUTICAL         1              —',
      'PHYSICAL_MEDICINE      8          0.125',
    ]);
  });
});

describe('toCsv on text a spreadsheet would run', () => {
  it('writes a formula-like text cell as text, and negative numbers as numbers', () => {
    expect(toCsv([{ a: '=HYPERLINK("http://x")', b: '+1', c: '-2', d: '@SUM(A1)', e: -3, f: 'a=b' }])).toBe(
      `a,b,c,d,e,f\n"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),-3,a=b\n`,
    );
  });

  it('writes lists of objects as JSON when asked, and an object null in one row as its columns', () => {
    const rows = toRows(
      {
        items: {
          edges: [
            { node: { title: 'a', quantity: null, citations: [{ page: 1 }] } },
            { node: { title: 'b', quantity: { count: 2 }, citations: [] } },
          ],
        },
      },
      { nestedLists: 'json' },
    );
    expect(toCsv(rows)).toBe('title,quantity.count,citations\na,,"[{""page"":1}]"\nb,2,\n');
  });
});
