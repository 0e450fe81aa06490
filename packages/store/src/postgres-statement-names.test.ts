import { describe, expect, it } from 'vitest';
import { MAX_NAMED_STATEMENTS, PostgresStatementNames } from './postgres-statement-names';

describe('PostgresStatementNames', () => {
  it('names a text once, the same name every time, a different one for another text', () => {
    const names = new PostgresStatementNames();
    const a = names.nameOf('select 1');
    expect(a).toMatch(/^imr_\d+$/);
    expect(names.nameOf('select 1')).toBe(a);
    expect(names.nameOf('select 2')).not.toBe(a);
  });

  it('names no more than its limit of texts, and keeps the names it gave', () => {
    const names = new PostgresStatementNames();
    const given = Array.from({ length: MAX_NAMED_STATEMENTS }, (_, i) => names.nameOf(`select ${i}`));
    expect(new Set(given).size).toBe(MAX_NAMED_STATEMENTS);
    expect(names.nameOf('select -1')).toBeUndefined();
    expect(names.nameOf('select 0')).toBe(given[0]);
  });

  it('renews a name under one never given before, and answers it from then on', () => {
    const names = new PostgresStatementNames();
    const old = names.nameOf('select * from t');
    const other = names.nameOf('select 2');
    const renewed = names.renew('select * from t');
    expect([old, other]).not.toContain(renewed);
    expect(names.nameOf('select * from t')).toBe(renewed);
  });
});
