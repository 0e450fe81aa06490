import type { ParsedLetter } from '@imr/parser';
import { sql } from 'kysely';
import type { Db, WriteTransaction } from '../client';
import { planLetterBatch, type StoredLetter } from './letter-batch-plan';
import {
  guidelineKey,
  guidelineRow,
  type LetterToSave,
  letterKeyOf,
  reviewerProfileKey,
  reviewerRow,
  reviewerSpecialtyRows,
  reviewerStateRows,
  type SaveOutcome,
} from './letter-rows';
import {
  chunksFor,
  type Executor,
  insertCases,
  insertDocuments,
  insertItemLists,
  insertItems,
} from './postgres-letter-inserts';
import { type SaveLettersOptions, saveLettersSqlite } from './sqlite-letter.repository';

// The write path of the store: a batch of parsed letters lands in the caller's transaction. SQLite writes
// through prepared statements (sqlite-letter.repository.ts); PostgreSQL, where every statement is a round trip,
// through multi-row inserts. Both store the rows letter-rows.ts builds.

export type { LetterToSave, SaveLettersOptions, SaveOutcome };
export { letterKeyOf, reviewerProfileKey };

/** The batch's letters already stored, by key and, for a letter a newer parser keys differently, by text. */
async function storedLetters(
  trx: Executor,
  batch: LetterToSave[],
  keys: string[],
): Promise<{ byKey: Map<string, StoredLetter>; bySha: Map<string, StoredLetter> }> {
  const byKey = new Map<string, StoredLetter>();
  for (const chunk of chunksFor(keys.map((k) => ({ k })))) {
    const rows = await trx
      .selectFrom('cases')
      .innerJoin('documents', 'documents.id', 'cases.documentId')
      .select([
        'cases.id',
        'cases.letterKey',
        'cases.parserVersion',
        'cases.documentId',
        'cases.dateDecision',
        'documents.sha256',
      ])
      .where(
        'cases.letterKey',
        'in',
        chunk.map((c) => c.k),
      )
      .execute();
    for (const r of rows) byKey.set(r.letterKey, r);
  }
  const bySha = new Map<string, StoredLetter>();
  for (const chunk of chunksFor(batch.map((b) => ({ s: b.document.sha256 })))) {
    const rows = await trx
      .selectFrom('cases')
      .innerJoin('documents', 'documents.id', 'cases.documentId')
      .select([
        'cases.id',
        'cases.parserVersion',
        'cases.documentId',
        'cases.dateDecision',
        'documents.sha256',
      ])
      .where(
        'documents.sha256',
        'in',
        chunk.map((c) => c.s),
      )
      .execute();
    for (const r of rows) bySha.set(r.sha256, r);
  }
  return { byKey, bySha };
}

/**
 * Saves a batch of letters in the caller's transaction. A letter already stored under the same key by the
 * same parser version is left alone; one stored by another parser version is replaced (its rows re-derived).
 * Returns one outcome per input, in input order.
 */
export async function saveLetters(
  tx: WriteTransaction,
  batch: LetterToSave[],
  ingestedAt: string = new Date().toISOString(),
  options: SaveLettersOptions = {},
): Promise<SaveOutcome[]> {
  if (tx.sqlite) return saveLettersSqlite(tx.sqlite, batch, ingestedAt, options);
  const { trx } = tx;
  await lockLetterWrites(trx);
  const keys = batch.map((b) => letterKeyOf(b.letter, b.document.sha256));
  const stored = await storedLetters(trx, batch, keys);
  const plan = planLetterBatch(batch, (key, sha256) => stored.byKey.get(key) ?? stored.bySha.get(sha256));
  const { toWrite } = plan;
  if (toWrite.length === 0) return plan.outcomes;
  if (plan.replacedCaseIds.length > 0) await deleteCases(trx, plan.replacedCaseIds, plan.replacedDocumentIds);
  const reviewerIds = await upsertReviewers(
    trx,
    toWrite.map((w) => w.save.letter.reviewer),
  );
  const guidelineIds = await upsertGuidelines(
    trx,
    toWrite.flatMap((w) => w.save.letter.items.flatMap((item) => item.citations)),
  );
  const documentIds = await insertDocuments(trx, toWrite, ingestedAt);
  const caseIds = await insertCases(trx, toWrite, documentIds, reviewerIds);
  const itemIds = await insertItems(trx, toWrite, caseIds, reviewerIds);
  await insertItemLists(trx, toWrite, caseIds, itemIds, guidelineIds);
  return plan.outcomes;
}

// Any number of ingest processes may write to one PostgreSQL database. Each batch holds this transaction-scoped
// advisory lock from before it looks up which letters exist until it commits: the lookups (each statement of a
// READ COMMITTED transaction sees what committed before it) then see every letter another process stored, so
// overlapping runs never insert a case twice, and the upserts of shared reviewers and guidelines cannot
// deadlock. Writers take turns as on SQLite; parsing, the expensive part, still runs in parallel, and readers
// are never blocked. Advisory locks belong to the whole database, and a store is a schema of it (`?schema=`): the
// lock's second key is the store's schema, so writers of two stores in one database never wait for each other.
const LETTER_WRITE_LOCK = 0x494d52; // 'IMR'

async function lockLetterWrites(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LETTER_WRITE_LOCK}, hashtext(coalesce(current_schema(), '')))`.execute(
    trx,
  );
}

async function upsertReviewers(
  trx: Executor,
  reviewers: ParsedLetter['reviewer'][],
): Promise<Map<string, number>> {
  const byKey = new Map<string, ParsedLetter['reviewer']>();
  for (const r of reviewers) byKey.set(reviewerProfileKey(r), r);
  const ids = new Map<string, number>();
  const keys = [...byKey.keys()];
  for (const chunk of chunksFor(keys.map((k) => ({ k })))) {
    const rows = await trx
      .selectFrom('reviewers')
      .select(['id', 'profileKey'])
      .where(
        'profileKey',
        'in',
        chunk.map((c) => c.k),
      )
      .execute();
    for (const r of rows) ids.set(r.profileKey, r.id);
  }
  const missing = keys.filter((k) => !ids.has(k));
  // New profiles, their specialties and states: three multi-row statements per batch, not three per profile.
  const reviewerRows = missing.map((key) => reviewerRow(key, byKey.get(key)!));
  for (const chunk of chunksFor(reviewerRows)) {
    const inserted = await trx
      .insertInto('reviewers')
      .values(chunk)
      // A concurrent writer (PostgreSQL) may have inserted the same profile: keep theirs.
      .onConflict((oc) =>
        oc.column('profileKey').doUpdateSet((eb) => ({ profileKey: eb.ref('excluded.profileKey') })),
      )
      .returning(['id', 'profileKey'])
      .execute();
    for (const row of inserted) ids.set(row.profileKey, row.id);
  }
  const specialtyRows: { reviewerId: number; kind: string; specialty: string }[] = [];
  const stateRows: { reviewerId: number; state: string }[] = [];
  for (const key of missing) {
    specialtyRows.push(...reviewerSpecialtyRows(ids.get(key)!, byKey.get(key)!));
    stateRows.push(...reviewerStateRows(ids.get(key)!, byKey.get(key)!));
  }
  for (const chunk of chunksFor(specialtyRows)) {
    await trx
      .insertInto('reviewerSpecialties')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const chunk of chunksFor(stateRows)) {
    await trx
      .insertInto('reviewerStates')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return ids;
}

async function upsertGuidelines(
  trx: Executor,
  citations: ParsedLetter['items'][number]['citations'],
): Promise<Map<string, number>> {
  const wanted = new Map<string, { source: string; name: string; topic: string }>();
  for (const c of citations) {
    wanted.set(guidelineKey(c), guidelineRow(c));
  }
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const rows = [...wanted.values()];
  for (const chunk of chunksFor(rows)) {
    await trx
      .insertInto('guidelines')
      .values(chunk)
      .onConflict((oc) => oc.columns(['source', 'name', 'topic']).doNothing())
      .execute();
  }
  const sources = [...new Set(rows.map((r) => r.source))];
  const names = [...new Set(rows.map((r) => r.name))];
  for (const chunk of chunksFor(names.map((n) => ({ n })))) {
    const found = await trx
      .selectFrom('guidelines')
      .select(['id', 'source', 'name', 'topic'])
      .where('source', 'in', sources)
      .where(
        'name',
        'in',
        chunk.map((c) => c.n),
      )
      .execute();
    for (const g of found) {
      const key = `${g.source}\u0000${g.name}\u0000${g.topic}`;
      if (wanted.has(key)) ids.set(key, g.id);
    }
  }
  return ids;
}

/** Removes cases and everything derived from them (items, citations, regions, diagnoses) and their documents. */
export async function deleteCases(trx: Executor, caseIds: number[], documentIds: number[]): Promise<void> {
  for (const chunk of chunksFor(caseIds.map((id) => ({ id })))) {
    const ids = chunk.map((c) => c.id);
    // By citation id, the leading column of citation_pages' primary key (item_id has no index of its own).
    await trx
      .deleteFrom('citationPages')
      .where(
        'citationId',
        'in',
        trx
          .selectFrom('citations')
          .select('citations.id')
          .where(
            'citations.itemId',
            'in',
            trx.selectFrom('items').select('items.id').where('items.caseId', 'in', ids),
          ),
      )
      .execute();
    await trx
      .deleteFrom('citations')
      .where('itemId', 'in', trx.selectFrom('items').select('id').where('caseId', 'in', ids))
      .execute();
    await trx
      .deleteFrom('itemBodyRegions')
      .where('itemId', 'in', trx.selectFrom('items').select('id').where('caseId', 'in', ids))
      .execute();
    await trx.deleteFrom('items').where('caseId', 'in', ids).execute();
    await trx.deleteFrom('diagnoses').where('caseId', 'in', ids).execute();
    await trx.deleteFrom('cases').where('id', 'in', ids).execute();
  }
  for (const chunk of chunksFor(documentIds.map((id) => ({ id })))) {
    await trx
      .deleteFrom('documents')
      .where(
        'id',
        'in',
        chunk.map((c) => c.id),
      )
      .execute();
  }
}

export type { Db };
