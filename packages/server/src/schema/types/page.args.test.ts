import { decodeCursor } from '@imr/store/repositories/keyset';
import { describe, expect, it } from 'vitest';
import { toConnection } from './page.args';

describe('toConnection', () => {
  const rows = [{ id: 3 }, { id: 5 }, { id: 9 }];

  it('encodes a cursor only when it is read, once, and the same as the ordering gives', () => {
    const asked: number[] = [];
    const connection = toConnection(
      { rows, hasNextPage: true },
      { first: 3, after: null },
      (row) => {
        asked.push(row.id);
        return { order: 'ID', key: row.id * 10, id: row.id };
      },
      3,
    );
    expect(connection.edges.map((edge) => edge.node)).toEqual(rows);
    expect(asked).toEqual([]);
    expect(decodeCursor(connection.pageInfo.endCursor!, 'ID')).toEqual({ order: 'ID', key: 90, id: 9 });
    expect(connection.edges[2]!.cursor).toBe(connection.pageInfo.endCursor);
    expect(decodeCursor(connection.edges[1]!.cursor, 'ID')).toEqual({ order: 'ID', key: 50, id: 5 });
    expect(asked).toEqual([9, 5]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('has no cursors on an empty page', () => {
    const connection = toConnection(
      { rows: [], hasNextPage: false },
      { first: 3, after: null },
      () => {
        throw new Error('no row, no cursor');
      },
      0,
    );
    expect(connection.pageInfo.startCursor).toBeNull();
    expect(connection.pageInfo.endCursor).toBeNull();
  });
});
