import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowObjects } from './row-objects';

/** What a row is: each key set to its value, in column order, the later of two equal keys winning. */
function rowOneKeyAtATime(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let c = 0; c < keys.length; c++)
    Object.defineProperty(row, keys[c]!, {
      value: values[c],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return row;
}

const key = fc.oneof(
  fc.constantFrom(
    'id',
    'caseId',
    'a\u0000b',
    'a',
    'b',
    '__proto__',
    'constructor',
    'toString',
    '0',
    '12',
    'a"b',
    'a\\b',
    '\u2028',
    '',
    'x y',
  ),
  fc.string({ maxLength: 8 }),
);
const value = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.double(),
  fc.uint8Array({ maxLength: 4 }),
);

describe('rowObjects', () => {
  it('builds each row as its keys and values say, whatever the column names', () => {
    fc.assert(
      fc.property(
        fc
          .array(key, { minLength: 1, maxLength: 40 })
          .chain((keys) =>
            fc.tuple(
              fc.constant(keys),
              fc.array(fc.array(value, { minLength: keys.length, maxLength: keys.length }), { maxLength: 5 }),
            ),
          ),
        ([keys, rows]) => {
          const built = rowObjects(keys, rows);
          expect(built).toHaveLength(rows.length);
          built.forEach((row, r) => {
            const expected = rowOneKeyAtATime(keys, rows[r]!);
            expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
            expect(Object.keys(row)).toEqual(Object.keys(expected));
            for (const k of Object.keys(expected)) expect(Object.is(row[k], expected[k]), k).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the rows of one statement the same shape, reused across calls', () => {
    const keys = ['id', 'title', 'decision'];
    const [a] = rowObjects(keys, [[1, 't', 'UPHELD']]);
    const [b] = rowObjects(keys, [[2, 'u', 'OVERTURNED']]);
    expect(a).toEqual({ id: 1, title: 't', decision: 'UPHELD' });
    expect(b).toEqual({ id: 2, title: 'u', decision: 'OVERTURNED' });
  });
});
