import type SQLite from 'better-sqlite3';
import { CommittedIds } from './committed-ids';
import { planLetterBatch, type StoredLetter } from './letter-batch-plan';
import type { LetterKeyTable } from './letter-key-table';
import {
  bodyRegionRows,
  caseRow,
  citationPageRows,
  citationRow,
  diagnosisRows,
  documentRow,
  guidelineKey,
  guidelineRow,
  itemRow,
  type LetterToSave,
  reviewerProfileKey,
  reviewerRow,
  reviewerSpecialtyRows,
  reviewerStateRows,
  type SaveOutcome,
} from './letter-rows';

// SQLite's write path for parsed letters: prepared statements, prepared once per connection and run row by row.
// On SQLite a statement is a function call, not a round trip, so this beats building multi-row INSERTs (the
// query builder's compile and SQLite's prepare of each differently sized statement cost more than the rows).
// The full-text index is written once per batch, with one INSERT ... SELECT per table: FTS5 flushes its pending
// terms into a new segment at every statement that writes to it, so a per-row trigger would leave one segment
// per item and spend more time merging them than inserting rows.

type Row = Record<string, string | number | bigint | Uint8Array | null>;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An INSERT prepared for one row shape: bound positionally, in `keys` order (binding by name costs more). */
interface PreparedInsert {
  statement: SQLite.Statement;
  keys: string[];
}

class StatementCache {
  private readonly statements = new Map<string, SQLite.Statement>();
  // By table, then by conflict clause (one map each for plain inserts and for upserts returning the id): each
  // table's rows come from one builder in letter-rows.ts, so their keys (and hence the statement) are the same
  // every time, and the SQL text is built once, not per row. Two lookups by the caller's literal strings, where
  // one by a key joined from them built a string per row.
  private readonly inserts = new Map<string, Map<string, PreparedInsert>>();
  private readonly upserts = new Map<string, Map<string, PreparedInsert>>();
  constructor(readonly sqlite: SQLite.Database) {}

  get(source: string): SQLite.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.sqlite.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  /** Inserts one row (camelCase keys become the snake_case columns) and returns its rowid. */
  insert(table: string, row: Row, onConflict = ''): number {
    const { statement, keys } = this.prepared(this.inserts, table, row, onConflict, '');
    return Number(statement.run(valuesOf(row, keys, table)).lastInsertRowid);
  }

  /** Inserts or updates one row and returns its id (`lastInsertRowid` is stale after an update). */
  upsert(table: string, row: Row, onConflict: string): number {
    const { statement, keys } = this.prepared(this.upserts, table, row, onConflict, 'returning id');
    return (statement.get(valuesOf(row, keys, table)) as { id: number }).id;
  }

  private prepared(
    cache: Map<string, Map<string, PreparedInsert>>,
    table: string,
    row: Row,
    onConflict: string,
    returning: string,
  ): PreparedInsert {
    let byConflict = cache.get(table);
    if (!byConflict) {
      byConflict = new Map();
      cache.set(table, byConflict);
    }
    let prepared = byConflict.get(onConflict);
    if (!prepared) {
      const keys = Object.keys(row);
      const columns = keys.map(snake).join(', ');
      const values = keys.map(() => '?').join(', ');
      const statement = this.sqlite.prepare(
        `insert into ${table} (${columns}) values (${values}) ${onConflict} ${returning}`,
      );
      prepared = { statement, keys };
      byConflict.set(onConflict, prepared);
    }
    return prepared;
  }
}

/**
 * The row's values in the statement's column order. Each builder in letter-rows.ts returns one object literal,
 * whose keys come in the same order every time, so Object.values reads them in one pass; reading them by name
 * was a keyed load per column that V8 cannot cache (rows of seven shapes pass here): 17 % of the ingest's main
 * thread at 600k letters. A row of another shape is a bug in its builder.
 */
function valuesOf(row: Row, keys: readonly string[], table: string): Row[string][] {
  const values: (Row[string] | undefined)[] = Object.values(row);
  if (values.length !== keys.length || values.includes(undefined)) {
    throw new Error(
      `a ${table} row has keys ${Object.keys(row).join(', ')}, not ${keys.join(', ')}: its builder changed shape`,
    );
  }
  return values as Row[string][];
}

const caches = new WeakMap<SQLite.Database, StatementCache>();
function cacheFor(sqlite: SQLite.Database): StatementCache {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new StatementCache(sqlite);
    caches.set(sqlite, cache);
  }
  return cache;
}

export interface SaveLettersOptions {
  /**
   * Leave the full-text tables alone: a bulk load rebuilds them once at the end (bulk-load.repository.ts).
   */
  deferSearch?: boolean;
  /**
   * Called between slices of a large batch, inside its transaction. The ingest passes a wait for the event loop's
   * next turn, so the parse workers' results are taken in (and the workers fed) while a long batch is written.
   */
  pause?: () => Promise<void>;
  /**
   * Reviewer and guideline ids kept between the caller's transactions; the caller commits or rolls them back
   * with its transaction. Without it they are looked up again every slice.
   */
  knownIds?: CommittedIds;
  /**
   * The letters a bulk load into an empty store has written, kept by its writer between transactions (committed
   * or rolled back with them, like knownIds): that load has no index to find them by. Without it a letter met
   * again is written again, and the finish keeps one (letter-key-dedupe.ts).
   */
  loadedKeys?: LetterKeyTable;
}

/** Letters written between two pauses: few enough that parse results waiting on the event loop are not held up. */
const SLICE = 100;

/**
 * saveLetters for SQLite: the same outcomes and rows, written through prepared statements, in the caller's
 * transaction (the write lock is held throughout, so rowids only grow while it runs).
 */
export async function saveLettersSqlite(
  sqlite: SQLite.Database,
  batch: LetterToSave[],
  ingestedAt: string,
  options: SaveLettersOptions = {},
): Promise<SaveOutcome[]> {
  if (!sqlite.inTransaction) throw new Error('saveLettersSqlite runs inside a write transaction');
  const s = cacheFor(sqlite);
  // Decided once a batch: the write lock is held across its slices, so no bulk load begins or ends meanwhile.
  const context = writeContextOf(s, options);
  const outcomes: SaveOutcome[] = [];
  let firstCaseId = 0;
  let firstItemId = 0;
  for (let start = 0; start < batch.length; start += SLICE) {
    if (start > 0 && options.pause) await options.pause();
    const written = writeLetterRows(s, batch.slice(start, start + SLICE), ingestedAt, context);
    outcomes.push(...written.outcomes);
    firstCaseId ||= written.firstCaseId;
    firstItemId ||= written.firstItemId;
  }
  if (options.deferSearch) return outcomes;
  // Deleted cases went first and rowids only grow within the write lock, so every row from the first id of this
  // batch on is new.
  if (firstItemId) {
    s.get(
      'insert into item_search (rowid, title, rationale) select id, title, rationale from items where id >= ?',
    ).run(firstItemId);
  }
  if (firstCaseId) {
    s.get(
      `insert into case_search (rowid, summary) select id, coalesce(summary, '') from cases where id >= ?`,
    ).run(firstCaseId);
  }
  return outcomes;
}

/** How a batch finds stored letters and remembers what it writes. */
interface WriteContext {
  /** A bulk load into an empty store has deferred the key indexes (keysDeferred). */
  deferred: boolean;
  findStored: (key: string, sha256: string) => StoredLetter | undefined;
  knownIds: CommittedIds;
  loadedKeys: LetterKeyTable | undefined;
}

function writeContextOf(
  s: StatementCache,
  { knownIds = new CommittedIds(), loadedKeys }: SaveLettersOptions,
): WriteContext {
  const deferred = keysDeferred(s);
  const findStored = !deferred
    ? storedLetterFinder(s)
    : loadedKeys
      ? loadedLetterFinder(s, loadedKeys)
      : () => undefined;
  return { deferred, findStored, knownIds, loadedKeys };
}

/** The rows of one slice of letters; returns their outcomes and the first case and item ids written (0: none). */
function writeLetterRows(
  s: StatementCache,
  batch: LetterToSave[],
  ingestedAt: string,
  { deferred, findStored, knownIds, loadedKeys }: WriteContext,
): { outcomes: SaveOutcome[]; firstCaseId: number; firstItemId: number } {
  const { outcomes, toWrite, replacedCaseIds, replacedDocumentIds } = planLetterBatch(batch, findStored);
  let firstCaseId = 0;
  let firstItemId = 0;
  if (toWrite.length === 0) return { outcomes, firstCaseId, firstItemId };
  for (const [i, caseId] of replacedCaseIds.entries()) deleteCaseSqlite(s, caseId, replacedDocumentIds[i]!);

  for (const { save, key } of toWrite) {
    const { letter } = save;
    const reviewerId = reviewerIdOf(s, knownIds, letter.reviewer);
    const documentId = deferred
      ? s.insert('documents', documentRow(save, ingestedAt))
      : s.upsert(
          'documents',
          documentRow(save, ingestedAt),
          // The same text may already be stored (e.g. a letter re-keyed by a newer parser): reuse its row.
          'on conflict (sha256) do update set parser_version = excluded.parser_version, source_path = excluded.source_path',
        );
    const caseId = s.insert('cases', caseRow(letter, key, documentId, reviewerId));
    if (deferred) loadedKeys?.set(key, caseId);
    firstCaseId ||= caseId;
    for (const row of diagnosisRows(letter, caseId)) s.insert('diagnoses', row);
    letter.items.forEach((item, ordinal) => {
      const itemId = s.insert('items', itemRow(letter, item, ordinal, caseId, reviewerId));
      firstItemId ||= itemId;
      for (const row of bodyRegionRows(item, itemId)) s.insert('item_body_regions', row);
      item.citations.forEach((citation, citationOrdinal) => {
        const guidelineId = guidelineIdOf(s, knownIds, citation);
        const citationId = s.insert('citations', citationRow(citation, citationOrdinal, itemId, guidelineId));
        for (const row of citationPageRows(citation.pages ?? [], citationId, itemId, guidelineId)) {
          s.insert('citation_pages', row);
        }
      });
    });
  }
  return { outcomes, firstCaseId, firstItemId };
}

/**
 * True while a bulk load into an empty store has deferred the unique indexes on letter keys and texts
 * (bulk-load.repository.ts): nothing is looked up (without them each look-up reads the whole table) and every
 * letter is written; the bulk load's finish keeps one letter per key (letter-key-dedupe.ts).
 */
function keysDeferred(s: StatementCache): boolean {
  return !s.get(`select 1 from sqlite_master where type = 'index' and name = 'cases_letter_key'`).get();
}

function storedLetterFinder(s: StatementCache): (key: string, sha256: string) => StoredLetter | undefined {
  const byKey =
    s.get(`select cases.id, cases.parser_version as parserVersion, cases.document_id as documentId,
      cases.date_decision as dateDecision, documents.sha256
    from cases join documents on documents.id = cases.document_id where cases.letter_key = ?`);
  // A newer parser may key a stored letter differently (e.g. it now reads the case number): find it by text too.
  const bySha =
    s.get(`select cases.id, cases.parser_version as parserVersion, cases.document_id as documentId,
      cases.date_decision as dateDecision, documents.sha256
    from documents join cases on cases.document_id = documents.id where documents.sha256 = ?`);
  return (key, sha256) => (byKey.get(key) ?? bySha.get(sha256)) as StoredLetter | undefined;
}

/** Finds a letter this bulk load wrote by its key, in `loadedKeys`, confirmed by the case's own key. */
function loadedLetterFinder(
  s: StatementCache,
  loadedKeys: LetterKeyTable,
): (key: string) => StoredLetter | undefined {
  const byId = s.get(`select cases.id, cases.parser_version as parserVersion, cases.document_id as documentId,
      cases.date_decision as dateDecision, documents.sha256, cases.letter_key as letterKey
    from cases join documents on documents.id = cases.document_id where cases.id = ?`);
  return (key) => {
    const caseId = loadedKeys.get(key);
    if (caseId === undefined) return undefined;
    const found = byId.get(caseId) as (StoredLetter & { letterKey: string }) | undefined;
    return found?.letterKey === key ? found : undefined;
  };
}

function reviewerIdOf(
  s: StatementCache,
  known: CommittedIds,
  reviewer: LetterToSave['letter']['reviewer'],
): number {
  const key = reviewerProfileKey(reviewer);
  const memo = known.get('reviewer', key);
  if (memo !== undefined) return memo;
  let id = (s.get('select id from reviewers where profile_key = ?').get(key) as { id: number } | undefined)
    ?.id;
  if (id === undefined) {
    id = s.insert('reviewers', reviewerRow(key, reviewer));
    for (const row of reviewerSpecialtyRows(id, reviewer))
      s.insert('reviewer_specialties', row, 'on conflict do nothing');
    for (const row of reviewerStateRows(id, reviewer))
      s.insert('reviewer_states', row, 'on conflict do nothing');
  }
  known.set('reviewer', key, id);
  return id;
}

function guidelineIdOf(
  s: StatementCache,
  known: CommittedIds,
  citation: LetterToSave['letter']['items'][number]['citations'][number],
): number {
  const key = guidelineKey(citation);
  let id = known.get('guideline', key);
  if (id === undefined) {
    const row = guidelineRow(citation);
    const found = s
      .get('select id from guidelines where source = @source and name = @name and topic = @topic')
      .get(row) as { id: number } | undefined;
    id = found?.id ?? s.insert('guidelines', row);
    known.set('guideline', key, id);
  }
  return id;
}

/** Removes a stored letter: its case, everything derived from it, and its document. */
export function deleteLetterSqlite(sqlite: SQLite.Database, caseId: number, documentId: number): void {
  deleteCaseSqlite(cacheFor(sqlite), caseId, documentId);
}

/** Removes one case and everything derived from it, and its document; the delete triggers keep FTS in step. */
function deleteCaseSqlite(s: StatementCache, caseId: number, documentId: number): void {
  const items = 'select id from items where case_id = ?';
  s.get(
    `delete from citation_pages where citation_id in (select id from citations where item_id in (${items}))`,
  ).run(caseId);
  s.get(`delete from citations where item_id in (${items})`).run(caseId);
  s.get(`delete from item_body_regions where item_id in (${items})`).run(caseId);
  s.get('delete from items where case_id = ?').run(caseId);
  s.get('delete from diagnoses where case_id = ?').run(caseId);
  s.get('delete from cases where id = ?').run(caseId);
  s.get('delete from documents where id = ?').run(documentId);
}
