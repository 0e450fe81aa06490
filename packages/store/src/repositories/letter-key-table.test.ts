import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredLetter } from './letter-batch-plan';
import { LetterKeyTable } from './letter-key-table';

const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

/** Letters as the writer records them, and the odd ones it must give back whole all the same. */
const storedLetter: fc.Arbitrary<StoredLetter> = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  documentId: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  dateDecision: fc.oneof(
    fc.constant(null),
    fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('', '2016-5-1', '2016-05-12T00:00:00Z', 'unknown'),
  ),
  sha256: fc.oneof(
    hex64,
    hex64.map((h) => h.toUpperCase()),
    fc.string({ maxLength: 70 }),
  ),
  parserVersion: fc.constantFrom('1.0.0+2026.12.02-1', 'gold', '', '2.0.0'),
});

// Case numbers, text-hash keys, and what else a key could be (empty, non-ASCII, keys sharing a prefix).
const key = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((n) => `CM16-${String(n).padStart(7, '0')}`),
  hex64.map((h) => `sha256:${h}`),
  fc.string({ maxLength: 14, unit: 'grapheme' }),
);

describe('LetterKeyTable', () => {
  it('answers like a map of the committed letters, through growth and rolled-back transactions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            writes: fc.array(fc.tuple(key, storedLetter), { maxLength: 400 }),
            commits: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        (transactions) => {
          const table = new LetterKeyTable();
          const model = new Map<string, StoredLetter>();
          for (const { writes, commits } of transactions) {
            const pending = new Map(model);
            for (const [k, letter] of writes) {
              table.set(k, letter);
              pending.set(k, letter);
              // What the running transaction wrote is seen inside it.
              expect(table.get(k)).toEqual(letter);
            }
            if (commits) {
              table.commit();
              for (const [k, letter] of pending) model.set(k, letter);
            } else {
              table.rollback();
            }
            for (const [k] of writes) expect(table.get(k)).toEqual(model.get(k));
          }
          for (const [k, letter] of model) expect(table.get(k)).toEqual(letter);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('tells apart keys whose hashes meet', () => {
    // Every key hashes alike: each look-up walks the whole chain and only the key bytes tell letters apart.
    const table = new LetterKeyTable(() => 42);
    const letter = (id: number): StoredLetter => ({
      id,
      documentId: id,
      dateDecision: '2016-05-12',
      sha256: 'ab'.repeat(32),
      parserVersion: 'v',
    });
    const keys = [
      '',
      'K',
      'K1',
      'K10',
      'k1',
      'K1 ',
      'é',
      'e\u0301',
      ...Array.from({ length: 1_500 }, (_, i) => `CM16-${i}`),
    ];
    for (const [i, k] of keys.entries()) table.set(k, letter(i + 1));
    table.commit();
    expect(keys.map((k) => table.get(k)?.id)).toEqual(keys.map((_, i) => i + 1));
    expect(table.get('K2')).toBeUndefined();
    expect(table.get('CM16-1500')).toBeUndefined();
  });

  it('holds a bulk load worth of case numbers, the last letter written under each', () => {
    const table = new LetterKeyTable();
    const n = 300_000;
    const caseNumber = (i: number) => `CM${13 + (i % 9)}-${String(i).padStart(7, '0')}`;
    const letter = (i: number, id: number): StoredLetter => ({
      id,
      documentId: id + 7,
      dateDecision: `20${13 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`,
      sha256: (i * 2654435761).toString(16).padStart(64, '0').slice(-64),
      parserVersion: '1.0.0',
    });
    for (let i = 1; i <= n; i++) table.set(caseNumber(i), letter(i, i));
    table.commit();
    // A tenth of them written again (a later decision replacing the first).
    for (let i = 1; i <= n; i += 10) table.set(caseNumber(i), letter(i, n + i));
    table.commit();
    let found = 0;
    for (let i = 1; i <= n; i++) {
      const expected = letter(i, i % 10 === 1 ? n + i : i);
      if (JSON.stringify(table.get(caseNumber(i))) === JSON.stringify(expected)) found++;
    }
    expect(found).toBe(n);
    expect(table.get('CM13-9999999')).toBeUndefined();
  });
});
