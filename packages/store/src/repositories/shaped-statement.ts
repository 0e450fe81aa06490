import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { Db } from '../client';
import { rootHandle } from '../read-marks';

// The loaders of a nested page (rows by id, a page of children per parent) run the same few statements on every
// request, differing only in their parameters. Building one with Kysely's builder and compiling it walks and
// freezes its whole operation tree, then the camelCase plugin's transform walks it again: about a tenth of the
// server's CPU on a page of 100 cases with their items and citations, for a text that never changes. Such a
// statement is built once per shape here, with a placeholder standing for each parameter, and each run binds its
// own values in the order the compiler put the placeholders.

/**
 * Stands for the `index`th value of a run; built into a statement where its parameter goes. A builder's
 * `value<T>(i)` types it as the value it stands for (a column's type, say), which is what each run binds there.
 */
export class Placeholder {
  constructor(readonly index: number) {}
}

/** What a shaped statement's builder calls for the placeholder of a run's `index`th value. */
export type PlaceholderOf = <T = Placeholder>(index: number) => T;

interface Shape {
  sql: string;
  query: CompiledQuery['query'];
  /** For each parameter of the text, which of a run's values it takes. */
  slots: number[];
}

// Per database handle: a handle's plugins and dialect decide the text.
const shapesByDb = new WeakMap<Db, Map<string, Shape>>();

/** Shapes kept per handle at most: a shape key that varied with data would otherwise grow without end. */
export const MAX_SHAPES = 256;

function compileShape(build: (value: PlaceholderOf) => Compilable): Shape {
  const compiled = build(<T>(index: number) => new Placeholder(index) as T).compile();
  const slots = compiled.parameters.map((parameter, position) => {
    if (!(parameter instanceof Placeholder)) {
      throw new Error(`a shaped statement's parameter ${position + 1} is a literal, not a placeholder`);
    }
    return parameter.index;
  });
  return { sql: compiled.sql, query: compiled.query, slots };
}

/**
 * The statement `build` makes, compiled once for `db` under `shape` (which must name everything its text depends
 * on besides `db`), with `values` bound: `value(i)` in the builder stands for `values[i]`.
 */
export function shapedStatement(
  db: Db,
  shape: string,
  build: (value: PlaceholderOf) => Compilable,
  values: readonly unknown[],
): CompiledQuery {
  // A request's handle (read-marks.ts) has its store's plugins and dialect, so its store's shapes.
  const owner = rootHandle(db);
  let shapes = shapesByDb.get(owner);
  if (!shapes) {
    shapes = new Map();
    shapesByDb.set(owner, shapes);
  }
  let compiled = shapes.get(shape);
  if (!compiled) {
    compiled = compileShape(build);
    if (shapes.size < MAX_SHAPES) shapes.set(shape, compiled);
  }
  return {
    sql: compiled.sql,
    query: compiled.query,
    queryId: createQueryId(),
    parameters: compiled.slots.map((slot) => values[slot]),
  };
}

/** Runs a shaped statement (shapedStatement) and returns its rows. */
export async function runShaped<Row>(
  db: Db,
  shape: string,
  build: (value: PlaceholderOf) => Compilable,
  values: readonly unknown[],
): Promise<Row[]> {
  const result = await db.executeQuery<Row>(shapedStatement(db, shape, build, values));
  return result.rows;
}
