import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UncommittedEntries } from './uncommitted-entries';

type Step =
  | { op: 'set'; key: string; value: number }
  | { op: 'release' }
  | { op: 'rollbackSavepoint' }
  | { op: 'commit' }
  | { op: 'rollback' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      value: fc.nat(99),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'release' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'rollbackSavepoint' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'commit' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'rollback' as const }) },
);

describe('UncommittedEntries', () => {
  it('answers like a database would: savepoints undone alone, transactions as a whole', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const entries = new UncommittedEntries<number>();
        const kept = new Map<string, number>();
        // The model: a stack of two snapshots, what the transaction held at its last savepoint and now.
        let atSavepoint = new Map<string, number>();
        let now = new Map<string, number>();
        for (const s of steps) {
          if (s.op === 'set') {
            entries.set(s.key, s.value);
            now.set(s.key, s.value);
          } else if (s.op === 'release') {
            entries.releaseSavepoint();
            atSavepoint = new Map(now);
          } else if (s.op === 'rollbackSavepoint') {
            entries.rollbackSavepoint();
            now = new Map(atSavepoint);
          } else if (s.op === 'commit') {
            for (const map of entries.commit()) for (const [k, v] of map) kept.set(k, v);
            for (const [k, v] of now) expect(kept.get(k)).toBe(v);
            atSavepoint = new Map();
            now = new Map();
          } else {
            entries.rollback();
            atSavepoint = new Map();
            now = new Map();
          }
          for (const key of ['a', 'b', 'c', 'd']) expect(entries.get(key)).toBe(now.get(key));
        }
      }),
    );
  });
});
