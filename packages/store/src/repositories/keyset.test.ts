import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  type KeysetOrder,
  keysetPage,
  type Page,
  pagesByParent,
  type Segment,
} from './keyset';

describe('cursors', () => {
  it('round-trip their ordering, sort key, id and parent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(null),
          fc.string(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
        ),
        fc.integer({ min: 1 }),
        fc.option(fc.integer({ min: 1 }), { nil: undefined }),
        (key, id, parent) => {
          const cursor = parent === undefined ? { order: 'X', key, id } : { order: 'X', key, id, parent };
          expect(decodeCursor(encodeCursor(cursor), 'X')).toEqual({
            ...cursor,
            key: Object.is(key, -0) ? 0 : key,
          });
        },
      ),
    );
  });

  it('are refused when garbled or issued for another ordering', () => {
    expect(() => decodeCursor('not a cursor', 'X')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 'X')).toThrow(/not a cursor/);
    expect(() => decodeCursor(encodeCursor({ order: 'A', key: null, id: 1 }), 'B')).toThrow(
      /ordering A, not B/,
    );
  });
});

describe('keysetPage', () => {
  // A nullable sort key over an in-memory table, with the same segment semantics the SQL gets.
  const rows = [
    { id: 1, key: 'b' },
    { id: 2, key: null },
    { id: 3, key: 'a' },
    { id: 4, key: 'b' },
    { id: 5, key: null },
    { id: 6, key: 'c' },
  ];
  const fetchFrom = (order: KeysetOrder) => async (segment: Segment, limit: number) => {
    const sign = order.direction === 'asc' ? 1 : -1;
    const compare = (a: (typeof rows)[number], b: { key: string | number | null; id: number }) =>
      sign * (segment.nulls ? a.id - b.id : String(a.key).localeCompare(String(b.key)) || a.id - b.id);
    return rows
      .filter((r) => (segment.nulls ? r.key === null : r.key !== null))
      .filter((r) => !segment.after || compare(r, segment.after) > 0)
      .sort((a, b) => compare(a, b))
      .slice(0, limit);
  };

  for (const direction of ['asc', 'desc'] as const) {
    it(`walks every row once, ${direction}, NULL keys ${direction === 'asc' ? 'first' : 'last'}`, async () => {
      const order: KeysetOrder = { name: 'T', column: 'key', id: 'id', direction };
      for (const first of [1, 2, 4, 10]) {
        const seen: (typeof rows)[number][] = [];
        let after: Cursor | null = null;
        for (;;) {
          const page: Page<(typeof rows)[number]> = await keysetPage(
            order,
            { first, after },
            fetchFrom(order),
          );
          seen.push(...page.rows);
          const last = page.rows.at(-1);
          if (!page.hasNextPage || !last) break;
          after = { order: 'T', key: last.key, id: last.id };
        }
        expect(seen.map((r) => r.id)).toEqual(direction === 'asc' ? [2, 5, 3, 1, 4, 6] : [6, 4, 1, 3, 5, 2]);
      }
    });
  }
});

describe('pagesByParent', () => {
  it('gives each parent its rows, at most `first`, and says when more exist', () => {
    const rows = [
      { parent: 1, id: 10 },
      { parent: 1, id: 11 },
      { parent: 3, id: 30 },
    ];
    expect(pagesByParent([1, 2, 3], rows, (r) => r.parent, 1)).toEqual([
      { rows: [{ parent: 1, id: 10 }], hasNextPage: true },
      { rows: [], hasNextPage: false },
      { rows: [{ parent: 3, id: 30 }], hasNextPage: false },
    ]);
  });
});
