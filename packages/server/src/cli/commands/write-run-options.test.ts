import { describe, expect, it } from 'vitest';
import { writeRunOf } from './write-run-options';

describe('writeRunOf', () => {
  it("leaves the batch size to the store's default when --batch is not given", () => {
    expect(writeRunOf({ db: ':memory:', progress: false }).batchSize).toBeUndefined();
    expect(writeRunOf({ db: ':memory:', batch: '25', progress: false }).batchSize).toBe(25);
  });

  it('names --batch when it is not a positive integer', () => {
    expect(() => writeRunOf({ db: ':memory:', batch: '0', progress: false })).toThrow(
      '--batch must be a positive integer, got "0"',
    );
  });
});
