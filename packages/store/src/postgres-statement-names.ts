// Which statements a read-only PostgreSQL store keeps prepared on its connections, and under what names.
// PostgreSQL spends most of a small lookup parsing and planning it (a page's items by id: parse 0.13 ms, bind
// with its plan 0.18 ms, execution 0.06 ms, from the server's log at 100k letters); a named statement is parsed
// once a connection and, past its fifth run, planned once. Only the lookups the loaders mark as bounded by key
// (bounded-key-reads.ts) are named: their texts are few (one per table and column, since on PostgreSQL their
// keys go as one array, rows-by-key.ts) and a plan made for any keys serves all. A search or an aggregate,
// whose best plan depends on its values, is planned afresh every time.

/** Statements named at most: each is held on every pooled connection that has run it. */
export const MAX_NAMED_STATEMENTS = 256;

export class PostgresStatementNames {
  private readonly names = new Map<string, string>();
  private issued = 0;

  /** The name `text` runs under, or undefined once MAX_NAMED_STATEMENTS texts have one (it then runs unnamed). */
  nameOf(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= MAX_NAMED_STATEMENTS) return name;
    return this.issue(text);
  }

  /**
   * A new name for `text`, whose prepared form no longer fits the table it reads (a migration changed the
   * columns of a `select *`: PostgreSQL then refuses the prepared statement on each connection holding it).
   * Those connections keep the old one unused until the pool retires them.
   */
  renew(text: string): string {
    return this.issue(text);
  }

  private issue(text: string): string {
    const name = `imr_${this.issued++}`;
    this.names.set(text, name);
    return name;
  }
}
