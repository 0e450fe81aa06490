import { expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import type { ItemRow } from '../database';
import type { Cursor, Page } from './keyset';
import { saveLetters } from './letter.repository';
import { letterOrderPagesByParent, longTextsByIds, rowsByIds } from './rows-by-key';

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

  it("pages each parent's children in letter order, a cursor applying under its own parent only", async () => {
    const store = await backend.open();
    await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
    const items = await store.db.selectFrom('items').select(['id', 'caseId', 'ordinal']).execute();
    const caseIds = [...new Set(items.map((i) => i.caseId))].sort((a, b) => b - a);
    const inLetterOrder = (caseId: number) =>
      items
        .filter((i) => i.caseId === caseId)
        .sort((a, b) => a.ordinal - b.ordinal || a.id - b.id)
        .map((i) => i.id);
    const first = await letterOrderPagesByParent(store, 'items', 'caseId', caseIds, {
      first: 1,
      after: null,
    });
    expect(first.map((p) => p.rows.map((r) => r.id))).toEqual(
      caseIds.map((c) => inLetterOrder(c).slice(0, 1)),
    );
    for (const caseId of caseIds) {
      const walked: number[] = [];
      let after: Cursor | null = null;
      for (;;) {
        const pages: Page<ItemRow>[] = await letterOrderPagesByParent(store, 'items', 'caseId', caseIds, {
          first: 1,
          after,
        });
        const page = pages[caseIds.indexOf(caseId)]!;
        walked.push(...page.rows.map((r) => r.id));
        // The other parents start from their first child.
        for (const [i, other] of caseIds.entries()) {
          if (other !== caseId)
            expect(pages[i]!.rows.map((r) => r.id)).toEqual(inLetterOrder(other).slice(0, 1));
        }
        const last = page.rows.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { order: 'CASE_ITEMS', key: last.ordinal, id: last.id, parent: caseId };
      }
      expect(walked).toEqual(inLetterOrder(caseId));
    }
    await store.close();
  });
});
