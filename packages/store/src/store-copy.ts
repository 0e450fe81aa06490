import { type Kysely, type RawBuilder, sql } from 'kysely';
import { refreshPlannerStatistics, type Store } from './client';
import { rebuildSearchIndex } from './repositories/search.repository';

// Moves a whole store to another backend (SQLite → PostgreSQL to outgrow one machine, or back), table by table
// in keyset-paginated batches, keeping ids so every reference stays valid. Tables and columns are read from
// the databases themselves, so tables added by later migrations are copied too.

/** Row shape when tables are addressed by name rather than through the typed schema. */
type AnyTables = Record<string, Record<string, unknown>>;

interface TableShape {
  name: string;
  /** Columns that hold data (generated columns such as PostgreSQL's tsvector are rebuilt by the target). */
  columns: string[];
  /** Primary-key columns in key order; empty when the table has none. */
  key: string[];
}

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

export interface CopyReport {
  tables: { table: string; rows: number }[];
  seconds: number;
}

// Parents before children, so foreign keys hold at every insert; tables not listed here follow, by name.
const TABLE_ORDER = [
  'documents',
  'reviewers',
  'reviewer_specialties',
  'reviewer_states',
  'cases',
  'diagnoses',
  'items',
  'item_body_regions',
  'guidelines',
  'citations',
  'citation_pages',
  'ingest_runs',
  'ingest_errors',
];

// Full-text tables: FTS5 on SQLite (rebuilt from the copied rows), tsvector tables on PostgreSQL (filled by the
// target's triggers).
const DERIVED_TABLES = ['item_search', 'case_search'];
// How the source's own indexes stand (a bulk load's pending rebuild), not data: the target has its own.
const STORE_STATE_TABLES = ['deferred_schema'];

// Well below SQLite's 32766 and PostgreSQL's 65535 bound parameters per statement.
const MAX_PARAMS = 30_000;

function untyped(store: Store | { db: Store['db'] }): Kysely<AnyTables> {
  return store.db.withoutPlugins() as unknown as Kysely<AnyTables>;
}

async function rows<T>(db: Kysely<AnyTables>, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function tableNames(store: Store): Promise<string[]> {
  const db = untyped(store);
  const names =
    store.dialect === 'postgres'
      ? await rows(
          db,
          sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`,
        )
      : // table_list tells real tables from FTS5 virtual tables and their shadow tables.
        await rows(
          db,
          sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table'`,
        );
  return names
    .map((r) => r.name)
    .filter(
      (n) =>
        !n.startsWith('kysely_') &&
        !n.startsWith('sqlite_') &&
        !DERIVED_TABLES.includes(n) &&
        !STORE_STATE_TABLES.includes(n),
    );
}

async function tableShape(store: Store, name: string): Promise<TableShape> {
  const db = untyped(store);
  if (store.dialect === 'postgres') {
    const columns = await rows(
      db,
      sql<{ name: string }>`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${name} and is_generated = 'NEVER'
        order by ordinal_position`,
    );
    const key = await rows(
      db,
      sql<{ name: string }>`select a.attname as name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${name}::regclass and i.indisprimary
        order by array_position(i.indkey::int2[], a.attnum)`,
    );
    return { name, columns: columns.map((c) => c.name), key: key.map((k) => k.name) };
  }
  // table_xinfo marks generated columns as hidden (2 or 3).
  const columns = await rows(
    db,
    sql<{
      name: string;
      pk: number;
      hidden: number;
    }>`select name, pk, hidden from pragma_table_xinfo(${name})`,
  );
  const data = columns.filter((c) => c.hidden === 0);
  return {
    name,
    columns: data.map((c) => c.name),
    key: data
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name),
  };
}

function ordered(names: string[]): string[] {
  const known = TABLE_ORDER.filter((t) => names.includes(t));
  return [...known, ...names.filter((n) => !TABLE_ORDER.includes(n)).sort()];
}

async function countRows(db: Kysely<AnyTables>, table: string): Promise<number> {
  const [row] = await rows(db, sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`);
  return Number(row?.n ?? 0);
}

/**
 * Copies every table of `source` into `target`, which must be migrated and empty. The copy is one transaction
 * on the target: if anything fails, the target is left as it was.
 */
export async function copyStore(
  source: Store,
  target: Store,
  onProgress: (progress: CopyProgress) => void = () => {},
  batchRows = 5000,
): Promise<CopyReport> {
  const started = performance.now();
  const sourceTables = await tableNames(source);
  const targetTables = new Set(await tableNames(target));
  const missing = sourceTables.filter((t) => !targetTables.has(t));
  if (missing.length > 0) {
    throw new Error(
      `the target has no table ${missing.join(', ')}: migrate both stores with the same version of imr`,
    );
  }
  const shapes: { from: TableShape; to: TableShape }[] = [];
  for (const name of ordered(sourceTables)) {
    const from = await tableShape(source, name);
    const to = await tableShape(target, name);
    const unknown = from.columns.filter((c) => !to.columns.includes(c));
    if (unknown.length > 0) {
      throw new Error(`the target's table ${name} has no column ${unknown.join(', ')}: migrate it first`);
    }
    shapes.push({ from, to });
  }
  for (const { to } of shapes) {
    const present = await countRows(untyped(target), to.name);
    if (present > 0) {
      throw new Error(
        `the target is not empty (${present} rows in ${to.name}): migrate-to fills a new, empty database`,
      );
    }
  }

  const report: CopyReport = { tables: [], seconds: 0 };
  const from = untyped(source);
  await target.db.transaction().execute(async (trx) => {
    const to = untyped({ db: trx });
    for (const { from: shape } of shapes) {
      const total = await countRows(from, shape.name);
      const limit = Math.max(
        1,
        Math.min(batchRows, Math.floor(MAX_PARAMS / Math.max(1, shape.columns.length))),
      );
      let copied = 0;
      for await (const batch of batchesOf(from, shape, total, limit)) {
        await to.insertInto(shape.name).values(batch).execute();
        copied += batch.length;
        onProgress({ table: shape.name, copied, total });
      }
      const landed = await countRows(to, shape.name);
      if (landed !== total) {
        throw new Error(`copied ${landed} of ${total} rows of ${shape.name}; nothing was kept`);
      }
      report.tables.push({ table: shape.name, rows: total });
    }
    await rebuildSearchIndex(trx, target.dialect);
    if (target.dialect === 'postgres') {
      // Ids were copied explicitly, so each serial sequence must move past the largest one.
      for (const { to: shape } of shapes) {
        if (!shape.columns.includes('id')) continue;
        await sql`select setval(pg_get_serial_sequence(${shape.name}, 'id'), coalesce(max(id), 1), max(id) is not null)
          from ${sql.table(shape.name)} having pg_get_serial_sequence(${shape.name}, 'id') is not null`.execute(
          to,
        );
      }
    }
  });
  // A freshly filled PostgreSQL store has no statistics until autovacuum gets to it, and meanwhile the planner
  // misjudges the new rows: a search for a common word took 550 ms on a copied 100k store, 33 ms once analyzed.
  await refreshPlannerStatistics(target.db, target.dialect);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Reads a table in primary-key order, one page after another (keyset pagination: no growing offsets). */
async function* batchesOf(
  db: Kysely<AnyTables>,
  shape: TableShape,
  total: number,
  limit: number,
): AsyncGenerator<Record<string, unknown>[]> {
  const columns = sql.join(shape.columns.map((c) => sql.ref(c)));
  if (shape.key.length === 0) {
    // No key to page by: order by every column and page by offset (only small side tables lack a key).
    for (let offset = 0; offset < total; offset += limit) {
      yield await rows(
        db,
        sql<Record<string, unknown>>`select ${columns} from ${sql.table(shape.name)}
          order by ${columns} limit ${limit} offset ${offset}`,
      );
    }
    return;
  }
  const key = sql.join(shape.key.map((c) => sql.ref(c)));
  let last: Record<string, unknown> | undefined;
  for (;;) {
    const after = last
      ? sql`where (${key}) > (${sql.join(shape.key.map((c) => (last as Record<string, unknown>)[c]))})`
      : sql``;
    const page = await rows(
      db,
      sql<Record<string, unknown>>`select ${columns} from ${sql.table(shape.name)} ${after}
        order by ${key} limit ${limit}`,
    );
    if (page.length === 0) return;
    yield page;
    if (page.length < limit) return;
    last = page[page.length - 1];
  }
}
