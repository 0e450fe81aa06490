import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { isBoundedKeyRead } from './bounded-key-reads';
import { PostgresStatementNames } from './postgres-statement-names';
import { rowObjects } from './row-objects';

// pg builds each row as an object key by key, and Kysely's CamelCasePlugin then builds it again under camelCase
// keys: two objects a row, both grown one property at a time. This pool asks pg for rows as arrays and keys them
// once a statement (row-objects.ts), already in camelCase, so the Kysely over it maps no rows again
// (camel-case-queries.plugin.ts). Lookups by key run as named statements (postgres-statement-names.ts). Cursors
// (Kysely's streams) pass through untouched: nothing here streams.

type Client = pg.PoolClient;

/** PostgreSQL's refusal of a prepared statement whose table changed its columns under it. */
const PREPARED_SHAPE_CHANGED = /cached plan must not change result type/;

/** A statement's column keys, from pg's field list. */
function keysOf(fields: readonly pg.FieldDef[], columnKey: (column: string) => string): string[] {
  const keys = new Array<string>(fields.length);
  for (let c = 0; c < fields.length; c++) keys[c] = columnKey(fields[c]!.name);
  return keys;
}

class ArrayRowsClient implements PostgresPoolClient {
  constructor(
    private readonly client: Client,
    private readonly columnKey: (column: string) => string,
    private readonly names: PostgresStatementNames | null,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    statement: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof statement !== 'string') {
      return this.client.query(statement as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    const names = this.names;
    const name = names && isBoundedKeyRead() ? names.nameOf(statement) : undefined;
    return this.run<R>(statement, parameters as unknown[], name).catch((error: unknown) => {
      if (
        !names ||
        name === undefined ||
        !PREPARED_SHAPE_CHANGED.test((error as Error | null)?.message ?? '')
      )
        throw error;
      return this.run<R>(statement, parameters as unknown[], names.renew(statement));
    });
  }

  private async run<R>(
    text: string,
    values: unknown[],
    name: string | undefined,
  ): Promise<PostgresQueryResult<R>> {
    const result: pg.QueryArrayResult | pg.QueryArrayResult[] = await this.client.query({
      text,
      values,
      rowMode: 'array',
      name,
    });
    // Several statements in one text answer a result each; Kysely's own driver gives no rows for them either.
    if (Array.isArray(result)) return { command: undefined as never, rowCount: 0, rows: [] };
    return {
      command: result.command as PostgresQueryResult<R>['command'],
      rowCount: result.rowCount ?? 0,
      rows: (result.fields.length === 0
        ? []
        : rowObjects(keysOf(result.fields, this.columnKey), result.rows)) as R[],
    };
  }

  release(): void {
    this.client.release();
  }
}

/** `pool` as Kysely's PostgreSQL driver takes it, with every row keyed by `columnKey` of its column name. */
export function arrayRowsPool(
  pool: pg.Pool,
  columnKey: (column: string) => string,
  options: { preparedStatements: boolean } = { preparedStatements: true },
): PostgresPool {
  // One wrapper a pooled client, kept while the client lives.
  const wrappers = new WeakMap<Client, ArrayRowsClient>();
  const names = options.preparedStatements ? new PostgresStatementNames() : null;
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = new ArrayRowsClient(client, columnKey, names);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
