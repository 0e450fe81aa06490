import SQLite from 'better-sqlite3';
import { expect, it } from 'vitest';
import { fts5RecordSum, registerSqliteFunctions } from './sqlite-functions';

it('sums the varints of an FTS5 record given as hex', () => {
  expect(fts5RecordSum(null)).toBe(0);
  expect(fts5RecordSum('')).toBe(0);
  expect(fts5RecordSum('05')).toBe(5);
  expect(fts5RecordSum('8100')).toBe(128);
  expect(fts5RecordSum('89fd4f02')).toBe(163_537);
  expect(fts5RecordSum('89FD4F02')).toBe(163_537);
});

it("gives each FTS5 row's token count from its docsize record, registered on a connection", () => {
  const db = new SQLite(':memory:');
  try {
    registerSqliteFunctions(db);
    db.exec('create virtual table t using fts5(a, b)');
    db.prepare('insert into t (rowid, a, b) values (?, ?, ?)').run(1, 'one two', 'x '.repeat(300));
    const row = db.prepare('select fts5_record_sum(hex(sz)) as n from t_docsize where id = 1').get() as {
      n: number;
    };
    expect(row.n).toBe(302);
  } finally {
    db.close();
  }
});
