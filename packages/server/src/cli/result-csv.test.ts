import { describe, expect, it } from 'vitest';
import { resultToCsv, rowsOf } from './result-csv';

describe('resultToCsv', () => {
  it('writes a connection as one row per node, nested objects as dotted columns', () => {
    const csv = resultToCsv({
      items: {
        totalCount: 2,
        edges: [
          { node: { title: 'Dilaudid 4mg #90', quantity: null, bodyRegions: ['NECK', 'SHOULDER'] } },
          {
            node: {
              title: '12 sessions, "manual"',
              quantity: { count: 12, unit: 'session' },
              bodyRegions: [],
            },
          },
        ],
      },
    });
    expect(csv).toBe(
      'title,quantity.count,quantity.unit,bodyRegions\n' +
        'Dilaudid 4mg #90,,,NECK; SHOULDER\n' +
        '"12 sessions, ""manual""",12,session,\n',
    );
  });

  it('writes stats groups with their key fields as plain columns', () => {
    const csv = resultToCsv({
      itemStats: {
        total: { count: 9 },
        groups: [
          {
            key: { category: 'PHYSICAL_MEDICINE', decisionYear: null },
            count: 8,
            overturnRateInterval: { low: 0.02, high: 0.47 },
          },
          { key: { category: 'PHARMACEUTICAL', decisionYear: 2014 }, count: 1, overturnRateInterval: null },
        ],
      },
    });
    expect(csv).toBe(
      'category,decisionYear,count,overturnRateInterval.low,overturnRateInterval.high\n' +
        'PHYSICAL_MEDICINE,,8,0.02,0.47\n' +
        'PHARMACEUTICAL,2014,1,,\n',
    );
  });

  it('takes plain lists and nodes lists as rows, and a single object as one row', () => {
    expect(rowsOf([{ a: 1 }, { a: 2 }])).toHaveLength(2);
    expect(rowsOf({ nodes: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(
      resultToCsv({ case: { caseNumber: 'CM14-0166055', items: { edges: [{ node: { title: 't' } }] } } }),
    ).toBe('caseNumber,items\nCM14-0166055,"[{""title"":""t""}]"\n');
  });

  it('refuses an operation with several top-level fields', () => {
    expect(() => resultToCsv({ a: [], b: [] })).toThrow(/exactly one top-level field/);
  });
});
