import { describe, expect, it } from 'vitest';
import { CommittedIds } from './committed-ids';

describe('CommittedIds', () => {
  it('keeps the ids of a committed transaction and forgets those of a rolled-back one', () => {
    const ids = new CommittedIds();
    ids.set('reviewer', 'a', 1);
    expect(ids.get('reviewer', 'a')).toBe(1);
    expect(ids.get('guideline', 'a')).toBeUndefined();
    ids.commit();
    ids.set('reviewer', 'b', 2);
    ids.set('guideline', 'a', 7);
    expect(ids.get('guideline', 'a')).toBe(7);
    ids.rollback();
    expect(ids.get('reviewer', 'a')).toBe(1);
    expect(ids.get('reviewer', 'b')).toBeUndefined();
    expect(ids.get('guideline', 'a')).toBeUndefined();
  });

  it('forgets the ids of a savepoint rolled back, keeping those its transaction released before', () => {
    const ids = new CommittedIds();
    ids.set('reviewer', 'a', 1);
    ids.releaseSavepoint();
    ids.set('reviewer', 'b', 2);
    ids.set('guideline', 'g', 3);
    ids.rollbackSavepoint();
    expect(ids.get('reviewer', 'a')).toBe(1);
    expect(ids.get('reviewer', 'b')).toBeUndefined();
    expect(ids.get('guideline', 'g')).toBeUndefined();
    ids.set('reviewer', 'c', 4);
    ids.releaseSavepoint();
    ids.commit();
    ids.set('reviewer', 'd', 5);
    ids.releaseSavepoint();
    ids.rollback();
    expect([ids.get('reviewer', 'a'), ids.get('reviewer', 'c'), ids.get('reviewer', 'd')]).toEqual([
      1,
      4,
      undefined,
    ]);
  });

  it('starts over rather than grow past its bound', () => {
    const ids = new CommittedIds();
    for (let i = 0; i < 200_000; i++) ids.set('reviewer', `k${i}`, i);
    ids.commit();
    expect(ids.get('reviewer', 'k5')).toBe(5);
    ids.set('reviewer', 'new', 1);
    ids.commit();
    expect(ids.get('reviewer', 'k5')).toBeUndefined();
    expect(ids.get('reviewer', 'new')).toBe(1);
  });
});
