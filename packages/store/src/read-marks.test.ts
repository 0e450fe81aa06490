import fc from 'fast-check';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type KyselyConfig,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  currentReadMarks,
  type ReadMarks,
  registerMarkableStore,
  rootHandle,
  withReadMarks,
} from './read-marks';

// A store whose connection records the marks current when each statement reaches it, then answers after a delay
// the statement names (so statements of several handles are in flight at once, finishing out of order).
function recordingStore(): {
  db: Kysely<Record<string, never>>;
  config: KyselyConfig;
  seen: Map<string, ReadMarks | undefined>;
} {
  const seen = new Map<string, ReadMarks | undefined>();
  const connection: DatabaseConnection = {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      const label = String(compiled.parameters[0]);
      seen.set(label, currentReadMarks());
      if (label === 'throws at once') throw new Error('refused');
      await new Promise((resolve) => setTimeout(resolve, Number(compiled.parameters[1] ?? 0)));
      return { rows: [] };
    },
    // biome-ignore lint/correctness/useYield: nothing streams here
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('no streams');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    // As Kysely's own drivers do: on the connection the transaction holds.
    beginTransaction: async (held) => {
      await held.executeQuery(CompiledQuery.raw('begin', ['begin']));
    },
    commitTransaction: async (held) => {
      await held.executeQuery(CompiledQuery.raw('commit', ['commit']));
    },
    rollbackTransaction: async (held) => {
      await held.executeQuery(CompiledQuery.raw('rollback', ['rollback']));
    },
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const config: KyselyConfig = {
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  };
  const db = new Kysely<Record<string, never>>(config);
  registerMarkableStore(db, config);
  return { db, config, seen };
}

const statement = (label: string, delayMs = 0) => sql`select ${label}, ${delayMs}`;

describe('read marks', () => {
  it("carry a handle's marks to its statements, and none to the store handle's", async () => {
    const { db, seen } = recordingStore();
    const timed = withReadMarks(db, { deadline: 5 });
    const bounded = withReadMarks(timed, { bounded: true });
    await statement('store').execute(db);
    await statement('timed').execute(timed);
    await statement('bounded').execute(bounded);
    await statement('store again').execute(db);
    expect(seen.get('store')).toBeUndefined();
    expect(seen.get('timed')).toEqual({ deadline: 5 });
    expect(seen.get('bounded')).toEqual({ deadline: 5, bounded: true });
    expect(seen.get('store again')).toBeUndefined();
    expect(rootHandle(bounded)).toBe(db);
    expect(rootHandle(timed)).toBe(db);
    expect(rootHandle(db)).toBe(db);
    // Outside any statement nothing is current.
    expect(currentReadMarks()).toBeUndefined();
  });

  it('keep each handle to its own marks however their statements interleave', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 24,
        }),
        async (plan) => {
          const { db, seen } = recordingStore();
          const handles = [
            db,
            withReadMarks(db, { deadline: 1 }),
            withReadMarks(db, { deadline: 2, bounded: true }),
            withReadMarks(db, { bounded: true }),
          ];
          await Promise.all(
            plan.map(([handle, delay], i) => statement(`s${i}`, delay).execute(handles[handle]!)),
          );
          const expected = [undefined, { deadline: 1 }, { deadline: 2, bounded: true }, { bounded: true }];
          plan.forEach(([handle], i) => {
            expect(seen.get(`s${i}`)).toEqual(expected[handle]);
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('end with the statement even when its connection throws, so the next statement does not inherit them', async () => {
    const { db, seen } = recordingStore();
    await expect(statement('throws at once').execute(withReadMarks(db, { deadline: 9 }))).rejects.toThrow(
      'refused',
    );
    expect(seen.get('throws at once')).toEqual({ deadline: 9 });
    expect(currentReadMarks()).toBeUndefined();
    await statement('after').execute(db);
    expect(seen.get('after')).toBeUndefined();
  });

  it('leave a handle the store did not register as it is', () => {
    const { config } = recordingStore();
    const unregistered = new Kysely<Record<string, never>>(config);
    expect(withReadMarks(unregistered, { deadline: 1 })).toBe(unregistered);
  });

  it("run a request's transaction on the store's connection with its marks, begin and commit included", async () => {
    const { db, seen } = recordingStore();
    await withReadMarks(db, { deadline: 3 })
      .transaction()
      .execute(async (tx) => {
        await statement('in the transaction').execute(tx);
      });
    expect(seen.get('begin')).toEqual({ deadline: 3 });
    expect(seen.get('in the transaction')).toEqual({ deadline: 3 });
    expect(seen.get('commit')).toEqual({ deadline: 3 });
    await expect(
      withReadMarks(db, { deadline: 3 })
        .transaction()
        .execute(async (tx) => {
          await statement('before the failure').execute(tx);
          throw new Error('the work failed');
        }),
    ).rejects.toThrow('the work failed');
    expect(seen.get('rollback')).toEqual({ deadline: 3 });
  });
});
