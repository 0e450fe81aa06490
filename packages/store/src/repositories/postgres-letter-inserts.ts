import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database';
import type { LetterToWrite } from './letter-batch-plan';
import {
  bodyRegionRows,
  caseRow,
  citationPageRows,
  citationRow,
  diagnosisRows,
  documentRow,
  guidelineKey,
  itemRow,
  reviewerProfileKey,
} from './letter-rows';

// The PostgreSQL write path's inserts: each table's rows of a batch as multi-row INSERTs (a statement is a
// round trip there), in chunks under the bound-parameter limit, returning the ids the next table refers to.

export type Executor = Kysely<Database> | Transaction<Database>;

// SQLite's default limit is 32766 bound parameters per statement; stay well below it.
const MAX_PARAMS = 30_000;
export function chunksFor<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const perRow = Math.max(1, Object.keys(rows[0] as object).length);
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Inserts the letters' documents; a document with the same text (a letter re-keyed by a newer parser) is reused. */
export async function insertDocuments(
  trx: Executor,
  toWrite: LetterToWrite[],
  ingestedAt: string,
): Promise<Map<string, number>> {
  const documentIds = new Map<string, number>();
  for (const chunk of chunksFor(toWrite.map(({ save }) => documentRow(save, ingestedAt)))) {
    const rows = await trx
      .insertInto('documents')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('sha256').doUpdateSet((eb) => ({
          parserVersion: eb.ref('excluded.parserVersion'),
          sourcePath: eb.ref('excluded.sourcePath'),
        })),
      )
      .returning(['id', 'sha256'])
      .execute();
    for (const r of rows) documentIds.set(r.sha256, r.id);
  }
  return documentIds;
}

/** Inserts the cases and their diagnoses; returns each letter key's case id. */
export async function insertCases(
  trx: Executor,
  toWrite: LetterToWrite[],
  documentIds: Map<string, number>,
  reviewerIds: Map<string, number>,
): Promise<Map<string, number>> {
  const caseRows = toWrite.map(({ save, key }) =>
    caseRow(
      save.letter,
      key,
      documentIds.get(save.document.sha256)!,
      reviewerIds.get(reviewerProfileKey(save.letter.reviewer)) ?? null,
    ),
  );
  const caseIds = new Map<string, number>();
  for (const chunk of chunksFor(caseRows)) {
    const rows = await trx.insertInto('cases').values(chunk).returning(['id', 'letterKey']).execute();
    for (const r of rows) caseIds.set(r.letterKey, r.id);
  }
  const diagnoses = toWrite.flatMap(({ save, key }) => diagnosisRows(save.letter, caseIds.get(key)!));
  for (const chunk of chunksFor(diagnoses)) await trx.insertInto('diagnoses').values(chunk).execute();
  return caseIds;
}

/** Inserts the items; returns each item's id by `caseId:ordinal`. */
export async function insertItems(
  trx: Executor,
  toWrite: LetterToWrite[],
  caseIds: Map<string, number>,
  reviewerIds: Map<string, number>,
): Promise<Map<string, number>> {
  const itemRows = toWrite.flatMap(({ save, key }) => {
    const { letter } = save;
    const reviewerId = reviewerIds.get(reviewerProfileKey(letter.reviewer)) ?? null;
    return letter.items.map((item, ordinal) => itemRow(letter, item, ordinal, caseIds.get(key)!, reviewerId));
  });
  const itemIds = new Map<string, number>();
  for (const chunk of chunksFor(itemRows)) {
    const rows = await trx.insertInto('items').values(chunk).returning(['id', 'caseId', 'ordinal']).execute();
    for (const r of rows) itemIds.set(`${r.caseId}:${r.ordinal}`, r.id);
  }
  return itemIds;
}

/** Inserts the items' body regions, citations and cited pages. */
export async function insertItemLists(
  trx: Executor,
  toWrite: LetterToWrite[],
  caseIds: Map<string, number>,
  itemIds: Map<string, number>,
  guidelineIds: Map<string, number>,
): Promise<void> {
  const regionRows: ReturnType<typeof bodyRegionRows> = [];
  const citationRows: ReturnType<typeof citationRow>[] = [];
  for (const { save, key } of toWrite) {
    const caseId = caseIds.get(key)!;
    save.letter.items.forEach((item, ordinal) => {
      const itemId = itemIds.get(`${caseId}:${ordinal}`)!;
      regionRows.push(...bodyRegionRows(item, itemId));
      item.citations.forEach((c, citationOrdinal) => {
        citationRows.push(citationRow(c, citationOrdinal, itemId, guidelineIds.get(guidelineKey(c))!));
      });
    });
  }
  for (const chunk of chunksFor(regionRows)) await trx.insertInto('itemBodyRegions').values(chunk).execute();

  const pageRows: ReturnType<typeof citationPageRows> = [];
  for (const chunk of chunksFor(citationRows)) {
    const rows = await trx
      .insertInto('citations')
      .values(chunk)
      .returning(['id', 'itemId', 'guidelineId', 'pages'])
      .execute();
    for (const r of rows)
      pageRows.push(...citationPageRows(JSON.parse(r.pages), r.id, r.itemId, r.guidelineId));
  }
  for (const chunk of chunksFor(pageRows)) await trx.insertInto('citationPages').values(chunk).execute();
}
