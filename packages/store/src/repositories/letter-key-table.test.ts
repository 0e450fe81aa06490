import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LetterKeyTable } from './letter-key-table';

describe('LetterKeyTable', () => {
  it('answers like a map of the committed keys, through growth and rolled-back transactions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            writes: fc.array(
              fc.tuple(fc.string({ maxLength: 14 }), fc.integer({ min: 1, max: 2 ** 31 - 1 })),
              {
                maxLength: 400,
              },
            ),
            commits: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        (transactions) => {
          const table = new LetterKeyTable();
          const model = new Map<string, number>();
          for (const { writes, commits } of transactions) {
            const pending = new Map(model);
            for (const [key, id] of writes) {
              table.set(key, id);
              pending.set(key, id);
              // What the running transaction wrote is seen inside it.
              expect(table.get(key)).toBe(id);
            }
            if (commits) {
              table.commit();
              for (const [key, id] of pending) model.set(key, id);
            } else {
              table.rollback();
            }
            for (const [key] of writes) expect(table.get(key)).toBe(model.get(key));
          }
          for (const [key, id] of model) expect(table.get(key)).toBe(id);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps the batches of a transaction that were released, not those rolled back to their savepoint', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            batches: fc.array(
              fc.record({
                writes: fc.array(
                  fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 1, max: 9 })),
                  {
                    maxLength: 6,
                  },
                ),
                released: fc.boolean(),
              }),
              { maxLength: 5 },
            ),
            commits: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (transactions) => {
          const table = new LetterKeyTable();
          const model = new Map<string, number>();
          for (const { batches, commits } of transactions) {
            const open = new Map(model);
            for (const { writes, released } of batches) {
              const batch = new Map(open);
              for (const [key, id] of writes) {
                table.set(key, id);
                batch.set(key, id);
              }
              if (released) {
                table.releaseSavepoint();
                for (const [key, id] of batch) open.set(key, id);
              } else {
                table.rollbackSavepoint();
              }
              for (const key of 'abcde') expect(table.get(key)).toBe(open.get(key));
            }
            if (commits) {
              table.commit();
              for (const [key, id] of open) model.set(key, id);
            } else {
              table.rollback();
            }
            for (const key of 'abcde') expect(table.get(key)).toBe(model.get(key));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds a bulk load worth of case numbers', () => {
    const table = new LetterKeyTable();
    const n = 300_000;
    for (let i = 1; i <= n; i++) table.set(`CM${13 + (i % 9)}-${String(i).padStart(7, '0')}`, i);
    table.commit();
    let found = 0;
    for (let i = 1; i <= n; i++)
      if (table.get(`CM${13 + (i % 9)}-${String(i).padStart(7, '0')}`) === i) found++;
    expect(found).toBe(n);
    expect(table.get('CM13-9999999')).toBeUndefined();
  });
});
