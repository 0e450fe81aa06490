import fc from 'fast-check';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { describeEachBackend, TEST_PG_URL } from '../test-support/test-store';
import { CamelCaseQueriesPlugin } from './camel-case-queries.plugin';
import { arrayRowsPool } from './postgres-array-rows';
import { boundedTwin, registerMarkableStore } from './read-marks';

// The rows a read-only PostgreSQL store gives must be the ones pg's own rows through Kysely's CamelCasePlugin
// gave: same keys, same values, same types, for every kind of column the store has.

type AnyDb = Kysely<Record<string, never>>;

describeEachBackend('arrayRowsPool', (backend) => {
  const pools: pg.Pool[] = [];
  const dbs: AnyDb[] = [];
  function both(): { plain: AnyDb; arrays: AnyDb } {
    const plainPool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });
    const arrayPool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });
    pools.push(plainPool, arrayPool);
    const camelCase = new CamelCaseQueriesPlugin();
    const plain = new Kysely<Record<string, never>>({
      dialect: new PostgresDialect({ pool: plainPool }),
      plugins: [new CamelCasePlugin()],
    });
    const arrays = new Kysely<Record<string, never>>({
      dialect: new PostgresDialect({ pool: arrayRowsPool(arrayPool, camelCase.columnKey) }),
      plugins: [camelCase],
    });
    dbs.push(plain, arrays);
    return { plain, arrays };
  }
  afterAll(async () => {
    // Kysely's destroy ends the pool it was given.
    await Promise.all(dbs.map((db) => db.destroy()));
  });

  it.skipIf(backend.dialect !== 'postgres')(
    'gives the rows pg and CamelCasePlugin gave, whatever the values',
    async () => {
      const { plain, arrays } = both();
      const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.includes('\u0000'));
      await fc.assert(
        fc.asyncProperty(
          fc.option(fc.integer(), { nil: null }),
          fc.option(text, { nil: null }),
          fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 5 }),
          fc.option(
            fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
            {
              nil: null,
            },
          ),
          fc.integer({ min: 0, max: 3 }),
          async (id, caseNumber, pages, decidedAt, rows) => {
            const query = sql`select ${id}::int as item_id, ${caseNumber}::text as case_number,
              ${pages}::int[] as cited_pages, ${decidedAt}::timestamptz as decided_at,
              (${id}::int is null) as no_id, count(*) over () as total, 1.5::numeric as rate_value,
              n as ordinal, 'a' as same_key, 'b' as same_key
              from generate_series(1, ${rows}::int) as n`;
            const expected = (await query.execute(plain)).rows;
            const actual = (await query.execute(arrays)).rows;
            expect(actual).toEqual(expected);
            expect(actual.map((row) => Object.keys(row as object))).toEqual(
              expected.map((row) => Object.keys(row as object)),
            );
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it.skipIf(backend.dialect !== 'postgres')(
    'passes counts of changed rows and statements without rows',
    async () => {
      const { plain, arrays } = both();
      for (const db of [plain, arrays]) {
        const result = await db.transaction().execute(async (trx) => {
          await sql`create temporary table array_rows_probe (some_id int) on commit drop`.execute(trx);
          return sql`insert into array_rows_probe (some_id) select generate_series(1, 3)`.execute(trx);
        });
        expect(result.numAffectedRows).toBe(3n);
        expect(result.rows).toEqual([]);
      }
    },
  );
});

describeEachBackend('arrayRowsPool, lookups by key', (backend) => {
  const schema = `array_rows_${process.pid}_${Date.now()}`;
  const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 1, options: `-c search_path=${schema}` });
  const camelCase = new CamelCaseQueriesPlugin();
  const config = {
    dialect: new PostgresDialect({ pool: arrayRowsPool(pool, camelCase.columnKey) }),
    plugins: [camelCase],
  };
  const db = new Kysely<Record<string, never>>(config);
  // As the store registers its own (client.ts): lookups marked bounded go through handles made on it.
  registerMarkableStore(db, config);
  afterAll(async () => {
    if (backend.dialect === 'postgres') await sql.raw(`drop schema if exists ${schema} cascade`).execute(db);
    await db.destroy();
  });
  const prepared = async () =>
    (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db)).rows.map(
      (r) => r.name,
    );

  it.skipIf(backend.dialect !== 'postgres')(
    'keeps them prepared, and follows a table whose columns changed under a prepared select *',
    async () => {
      await sql
        .raw(`create schema ${schema}; create table ${schema}.probe (some_id int primary key)`)
        .execute(db);
      await sql`insert into probe values (1), (2), (3)`.execute(db);
      const lookup = (ids: number[]) =>
        sql`select * from probe where some_id = any(${ids})`.execute(boundedTwin(db));

      expect((await lookup([1, 3])).rows).toEqual([{ someId: 1 }, { someId: 3 }]);
      expect(await prepared()).toHaveLength(1);
      // Another count of keys is the same statement.
      expect((await lookup([2])).rows).toEqual([{ someId: 2 }]);
      expect(await prepared()).toHaveLength(1);
      // Not a lookup by key: planned every time, never named.
      await sql`select * from probe where some_id > ${0}`.execute(db);
      expect(await prepared()).toHaveLength(1);

      await sql`alter table probe add column case_number text default 'X'`.execute(db);
      expect((await lookup([1])).rows).toEqual([{ someId: 1, caseNumber: 'X' }]);
      expect((await lookup([2])).rows).toEqual([{ someId: 2, caseNumber: 'X' }]);
    },
  );

  it.skipIf(backend.dialect !== 'postgres')(
    'prepares nothing when told not to (a pooler in transaction mode)',
    async () => {
      const unpreparedPool = new pg.Pool({ connectionString: TEST_PG_URL, max: 1 });
      const unpreparedConfig = {
        dialect: new PostgresDialect({
          pool: arrayRowsPool(unpreparedPool, camelCase.columnKey, { preparedStatements: false }),
        }),
        plugins: [camelCase],
      };
      const unprepared = new Kysely<Record<string, never>>(unpreparedConfig);
      registerMarkableStore(unprepared, unpreparedConfig);
      try {
        const ids = [1, 2];
        const { rows } =
          await sql`select n as some_id from generate_series(1, 3) n where n = any(${ids})`.execute(
            boundedTwin(unprepared),
          );
        expect(rows).toEqual([{ someId: 1 }, { someId: 2 }]);
        const held = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(unprepared);
        expect(held.rows).toEqual([]);
      } finally {
        await unprepared.destroy();
      }
    },
  );
});
