// A full-text table built aside: the same FTS5 table, contentless, in a database file of its own, filled from
// the store's content table by another thread while the store's writer builds its indexes. Its shadow tables
// (`_data`, `_idx`, `_docsize`) hold the same index an external-content table would after a rebuild (FTS5's
// index format does not depend on where content lives), so copying them into the store's empty shadow tables
// gives the store its index. See bulk-load.repository.ts.

export interface AsideSearchTable {
  /** The FTS5 table's name, the same in the store and aside. */
  table: string;
  /** CREATE VIRTUAL TABLE for the aside copy: the store's definition with its content options removed. */
  createAside: string;
  /** The store's table whose rows the index holds, and its rowid column. */
  contentTable: string;
  contentRowid: string;
  /** The indexed columns, in the table's order. */
  columns: string[];
}

/** The shadow tables an aside build fills and the store copies (`_config` keeps the store's own settings). */
export const COPIED_SHADOW_TABLES = ['data', 'idx', 'docsize'] as const;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

function identifier(value: string, what: string, createSql: string): string {
  if (!IDENTIFIER.test(value)) throw new Error(`${what} "${value}" is not a plain name in: ${createSql}`);
  return value;
}

/**
 * The aside build of an external-content FTS5 table, from its CREATE VIRTUAL TABLE statement; null for a table
 * that is not external-content FTS5 (a contentless or self-contained table is rebuilt the ordinary way).
 */
export function asideSearchTable(createSql: string): AsideSearchTable | null {
  const match =
    /^\s*create\s+virtual\s+table\s+"?([a-z_][a-z0-9_]*)"?\s+using\s+fts5\s*\(([\s\S]*)\)\s*$/i.exec(
      createSql,
    );
  if (!match) return null;
  const [, table = '', body = ''] = match;
  // FTS5's arguments: bare column names, then options as key='value' (no value holds a comma here).
  const args = body.split(',').map((a) => a.trim());
  const option = (key: string) => {
    for (const arg of args) {
      const value = new RegExp(`^${key}\\s*=\\s*'([^']*)'$`, 'i').exec(arg);
      if (value) return value[1];
    }
    return undefined;
  };
  const content = option('content');
  if (!content) return null;
  const columns = args.filter((a) => !a.includes('=')).map((c) => identifier(c, 'column', createSql));
  const kept = args.filter((a) => !/^content(_rowid)?\s*=/i.test(a));
  return {
    table: identifier(table, 'table', createSql),
    createAside: `create virtual table main.${table} using fts5(${[...kept, "content=''"].join(', ')})`,
    contentTable: identifier(content, 'content table', createSql),
    contentRowid: identifier(option('content_rowid') ?? 'rowid', 'content rowid', createSql),
    columns,
  };
}
