import { expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import { saveLetters } from './letter.repository';
import { longTextsByIds, rowsByIds } from './rows-by-key';

describeEachBackend('rows by id and their long text', (backend) => {
  it('leaves the long text out of rows and reads it by id, in the order asked, null where no row is', async () => {
    const store = await backend.open();
    await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
    const letters = goldLetters().map((l) => l.letter);
    const items = (await store.db.selectFrom('items').select(['id']).orderBy('id').execute()).map(
      (r) => r.id,
    );
    const cases = (await store.db.selectFrom('cases').select(['id']).orderBy('id').execute()).map(
      (r) => r.id,
    );

    for (const row of await rowsByIds(store, 'items', items)) expect(row).not.toHaveProperty('rationale');
    for (const row of await rowsByIds(store, 'cases', cases)) expect(row).not.toHaveProperty('summary');
    const [item] = await rowsByIds(store, 'items', items.slice(0, 1));
    expect(item).toMatchObject({ id: items[0], title: letters[0]!.items[0]!.title });

    const rationales = letters.flatMap((l) => l.items.map((i) => i.rationale));
    const asked = [items.at(-1)!, 999_999, items[0]!];
    expect(await longTextsByIds(store, 'items', asked)).toEqual([rationales.at(-1), null, rationales[0]]);
    expect(await longTextsByIds(store, 'cases', cases)).toEqual(letters.map((l) => l.summary));
    expect(await longTextsByIds(store, 'citations', [])).toEqual([]);
    await store.close();
  });
});
