import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import { saveLetters } from './letter.repository';
import { MAX_SHAPES, type PlaceholderOf, runShaped, shapedStatement } from './shaped-statement';

describeEachBackend('shaped statements', (backend) => {
  it('are built once per shape and bind each run its own values, in the order the text takes them', async () => {
    const store = await backend.open();
    await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
    const all = await store.db.selectFrom('items').select(['id', 'caseId']).orderBy('id').execute();
    let builds = 0;
    // The text takes value 1 before value 0, so binding by index rather than by position gives other rows.
    const build = (value: PlaceholderOf) => {
      builds += 1;
      return store.db
        .selectFrom('items')
        .select(['id', 'caseId'])
        .where('caseId', '=', value<number>(1))
        .where('id', '>=', value<number>(0))
        .orderBy('id');
    };
    for (const item of all) {
      const rows = await runShaped(store.db, 'test items of a case from an id', build, [
        item.id,
        item.caseId,
      ]);
      expect(rows).toEqual(all.filter((r) => r.caseId === item.caseId && r.id >= item.id));
    }
    expect(builds).toBe(1);
    await runShaped(store.db, 'test another shape', build, [0, all[0]!.caseId]);
    expect(builds).toBe(2);
    await store.close();
  });

  it('refuse a value built into the text, which every run would share', async () => {
    const store = await backend.open();
    expect(() =>
      shapedStatement(
        store.db,
        'test literal',
        (value) =>
          store.db
            .selectFrom('items')
            .select('id')
            .where('id', '=', value<number>(0))
            .where('caseId', '=', 7),
        [1],
      ),
    ).toThrow(/parameter 2 is a literal/);
    await store.close();
  });

  it(`keep at most ${MAX_SHAPES} shapes a handle, and still run the ones past it`, async () => {
    const store = await backend.open();
    let builds = 0;
    const build = (value: PlaceholderOf) => {
      builds += 1;
      return store.db.selectNoFrom(sql<number>`${value(0)} + 0`.as('n'));
    };
    for (let shape = 0; shape < MAX_SHAPES + 10; shape += 1) {
      await runShaped(store.db, `test bound ${shape}`, build, [shape]);
    }
    const before = builds;
    const [row] = await runShaped<{ n: number }>(store.db, `test bound ${MAX_SHAPES + 5}`, build, [41]);
    expect(Number(row!.n)).toBe(41);
    expect(builds).toBe(before + 1);
    await runShaped(store.db, 'test bound 3', build, [3]);
    expect(builds).toBe(before + 1);
    await store.close();
  });
});
