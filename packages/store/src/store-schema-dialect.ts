import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type Kysely,
  PostgresAdapter,
  PostgresDialect,
  type PostgresDialectConfig,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';

// Kysely's PostgreSQL introspector reads every column of every schema in the database and resolves each schema
// by name as it goes (has_schema_privilege, pg_get_serial_sequence). A store is one schema of a database, and
// where the database holds others (stores of other deployments, the test suite's stores), one dropped while that
// query runs makes it fail with 'schema "<the other one>" does not exist'. Its one user is the migrator, asking
// whether its own bookkeeping tables exist, so a store's writer reads its own schema alone: migrations no longer
// fail, nor slow down, because of what other stores in the database do. Kysely's migration lock is one advisory
// lock for the whole database, so one store's long migration (a table rewrite takes minutes on a large store)
// held up the opening of every other; it is the store's own here.

/** First key of a store's migration lock; the second is its schema's hash. */
export const MIGRATION_LOCK = 0x494d53; // 'IMS'

interface ColumnRow {
  table: string;
  tableType: string;
  column: string;
  notNull: boolean;
  hasDefault: boolean;
  type: string;
  typeSchema: string;
  columnDescription: string | null;
  autoIncrementing: string | null;
}

/** Tables and columns of one schema (the store's); every schema's name. */
export class StoreSchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    // Names only, read from the catalog: nothing here looks a schema up by its name.
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(
      this.db,
    );
    return rows.map((r) => ({ name: r.name }));
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables
      ? sql``
      : sql`and c.relname not in (${DEFAULT_MIGRATION_TABLE}, ${DEFAULT_MIGRATION_LOCK_TABLE})`;
    const { rows } = await sql<ColumnRow>`
      select c.relname as "table", c.relkind as "tableType", a.attname as "column", a.attnotnull as "notNull",
        a.atthasdef as "hasDefault", typ.typname as "type", dtns.nspname as "typeSchema",
        col_description(a.attrelid, a.attnum) as "columnDescription",
        pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname)
          as "autoIncrementing"
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on a.attrelid = c.oid
      join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
      join pg_catalog.pg_type typ on a.atttypid = typ.oid
      join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
      where ns.nspname = ${this.schema} and c.relkind in ('r', 'v', 'p') and a.attnum >= 0
        and not a.attisdropped ${internal}
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of rows) {
      let table = tables.get(row.table);
      if (table === undefined) {
        table = { name: row.table, schema: this.schema, isView: row.tableType === 'v', columns: [] };
        tables.set(row.table, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.typeSchema,
        isNullable: !row.notNull,
        hasDefaultValue: row.hasDefault,
        isAutoIncrementing: row.autoIncrementing !== null,
        comment: row.columnDescription ?? undefined,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** Kysely's PostgreSQL adapter with a migration lock of the store's own. */
class StoreSchemaPostgresAdapter extends PostgresAdapter {
  constructor(private readonly schema: string) {
    super();
  }

  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    // A session lock, as Kysely's, waiting at most an hour for another process migrating the same store.
    // In one statement, as Kysely's: outside a transaction a local setting lasts for its statement only.
    await sql`with timeout as (select set_config('lock_timeout', '3600000', true))
      select pg_advisory_lock(${MIGRATION_LOCK}, hashtext(${this.schema})) from timeout`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK}, hashtext(${this.schema}))`.execute(db);
  }
}

/** PostgreSQL as Kysely speaks it, introspecting and locking only the store's schema (the writer's dialect). */
export class StoreSchemaPostgresDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly schema: string,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new StoreSchemaIntrospector(db, this.schema);
  }

  override createAdapter(): PostgresAdapter {
    return new StoreSchemaPostgresAdapter(this.schema);
  }
}
