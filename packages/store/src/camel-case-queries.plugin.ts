import { CamelCasePlugin, type PluginTransformResultArgs, type QueryResult, type UnknownRow } from 'kysely';

// Kysely's CamelCasePlugin maps every result row again: a new object a row, each key looked up in its memo. A
// driver whose rows are keyed in camelCase already (the read-only SQLite store's, sqlite-read-dialect.ts, and
// PostgreSQL's, postgres-array-rows.ts, which build each row from an array with keys mapped once a statement)
// has this plugin instead: queries are transformed exactly as CamelCasePlugin transforms them, and the driver
// maps column names with the plugin's own `camelCase`, so the rows are the ones CamelCasePlugin would give. (It
// would also map the keys of plain objects nested in values; the store has no JSON columns, so no value is one.)

export class CamelCaseQueriesPlugin extends CamelCasePlugin {
  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** The key CamelCasePlugin gives a result column. */
  readonly columnKey = (column: string): string => this.camelCase(column);
}
