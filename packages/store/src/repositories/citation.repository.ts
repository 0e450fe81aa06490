import { type SqlBool, sql } from 'kysely';
import type { CitationRow } from '../database';
import { CITATION_COLUMNS } from './entity-columns';
import {
  type KeysetOrder,
  type Page,
  type PageRequest,
  pagesByParent,
  type Reader,
  unionOfArms,
} from './keyset';
import { letterOrderPagesByParent, rowCountsByParent, rowsByIds } from './rows-by-key';

// Citations are listed under an item (in letter order) or under a guideline (in ingest order). Both listings
// fetch one page per parent for many parents in a single statement.

export const ITEM_CITATIONS_ORDER: KeysetOrder = {
  name: 'ITEM_CITATIONS',
  column: 'citations.ordinal',
  id: 'citations.id',
  direction: 'asc',
};

/**
 * Under a guideline, citations are listed by party, then item, then id: the order of the citations_guideline
 * index (SQLite appends the rowid), so a page of a guideline cited 400 000 times is a range scan, not a sort.
 */
export const GUIDELINE_CITATIONS_ORDER: KeysetOrder = {
  name: 'GUIDELINE_CITATIONS',
  column: 'citations.citedBy',
  id: 'citations.id',
  direction: 'asc',
};

/** The sort key of a citation under its guideline, for its cursor: party and item. */
export function guidelineCitationKey(c: Pick<CitationRow, 'citedBy' | 'itemId'>): string {
  return `${c.citedBy} ${c.itemId}`;
}

function parseGuidelineCitationKey(key: unknown): { citedBy: string; itemId: number } | null {
  if (typeof key !== 'string') return null;
  const [citedBy, itemId] = key.split(' ');
  return citedBy && /^\d+$/.test(itemId ?? '') ? { citedBy, itemId: Number(itemId) } : null;
}

export function citationsByIds(reader: Reader, ids: readonly number[]): Promise<CitationRow[]> {
  return rowsByIds(reader, 'citations', ids);
}

export function citationPagesByItemIds(
  reader: Reader,
  itemIds: readonly number[],
  request: PageRequest,
): Promise<Page<CitationRow>[]> {
  return letterOrderPagesByParent(reader, 'citations', 'itemId', itemIds, request);
}

export function citationCountsByItemIds(reader: Reader, itemIds: readonly number[]): Promise<number[]> {
  return rowCountsByParent(reader, 'citations', 'itemId', itemIds);
}

/**
 * A page of citations for each of many guidelines in one statement: one range scan per guideline (UNION ALL),
 * each stopping at its LIMIT, since a guideline like the MTUS chronic pain guidelines is cited hundreds of
 * thousands of times.
 */
export async function citationPagesByGuidelineIds(
  { db }: Reader,
  guidelineIds: readonly number[],
  request: PageRequest,
): Promise<Page<CitationRow>[]> {
  const after = request.after;
  const from = parseGuidelineCitationKey(after?.key);
  const rows = await unionOfArms(guidelineIds, (guidelineId, alias) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('citations')
          .select(CITATION_COLUMNS)
          .where('guidelineId', '=', guidelineId)
          .$if(after?.parent === guidelineId && from !== null, (qb) =>
            qb.where(
              sql<SqlBool>`(${sql.ref('citedBy')}, ${sql.ref('itemId')}, ${sql.ref('id')}) > (${from!.citedBy}, ${from!.itemId}, ${after!.id})`,
            ),
          )
          .orderBy('citedBy')
          .orderBy('itemId')
          .orderBy('id')
          .limit(request.first + 1)
          .as(alias),
      )
      .selectAll(),
  );
  // UNION ALL promises no order across arms: restore each page's.
  rows.sort((a, b) =>
    a.citedBy < b.citedBy ? -1 : a.citedBy > b.citedBy ? 1 : a.itemId - b.itemId || a.id - b.id,
  );
  return pagesByParent(guidelineIds, rows, (r) => r.guidelineId, request.first);
}

export function citationCountsByGuidelineIds(
  reader: Reader,
  guidelineIds: readonly number[],
): Promise<number[]> {
  return rowCountsByParent(reader, 'citations', 'guidelineId', guidelineIds);
}
