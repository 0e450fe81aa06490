import type { Db } from '@imr/store/client';
import { rootHandle } from '@imr/store/read-marks';
import { cubeSourceVersion, maxItemId } from '@imr/store/repositories/cube-source.repository';
import type { SqlDialect } from '@imr/store/repositories/item-filter';
import type { ItemCube } from './item-cube';
import { readItemCube } from './item-cube-reader';

// Keeps one ItemCube per open store in this process and says whether it matches the store right now. The cube
// is a snapshot: any commit (an ingest, a reparse, another process) makes it stale, and a stale cube is never
// used: itemStats, caseStats, guidelineStats, citedPages and citationCoverage answer from SQL and a rebuild
// starts in the background. Below CUBE_MIN_ITEMS items SQL is fast enough and no cube is built unless asked for.

export const CUBE_MIN_ITEMS = 50_000;
/** After a build, wait this long before another (while an ingest commits every second, SQL answers). */
const REBUILD_INTERVAL_MS = 30_000;

interface CubeState {
  cube: ItemCube | null;
  version: string | null;
  building: Promise<void> | null;
  lastBuildStarted: number;
}

const states = new WeakMap<Db, CubeState>();

// Keyed by the store's own handle: a request reads through a handle of its own (read-marks.ts), and a build it
// starts belongs to the store, not to that request's deadline.
function stateOf(db: Db): CubeState {
  let state = states.get(db);
  if (!state) {
    state = { cube: null, version: null, building: null, lastBuildStarted: 0 };
    states.set(db, state);
  }
  return state;
}

function cubeDisabled(): boolean {
  return process.env.IMR_STATS_CUBE === 'off';
}

/**
 * Builds (or rebuilds) the store's cube now and keeps it if no commit landed while it was read. Resolves once
 * done; a build already running is awaited instead of starting another.
 */
export async function buildItemCube(handle: Db, dialect: SqlDialect): Promise<void> {
  const db = rootHandle(handle);
  const state = stateOf(db);
  if (state.building) return state.building;
  state.lastBuildStarted = Date.now();
  state.building = (async () => {
    try {
      const before = await cubeSourceVersion(db, dialect);
      const cube = await readItemCube(db);
      const after = await cubeSourceVersion(db, dialect);
      if (before === after) {
        state.cube = cube;
        state.version = after;
      }
    } finally {
      state.building = null;
    }
  })();
  return state.building;
}

/**
 * The store's cube when it matches the store right now, else null (answer from SQL). A missing or stale cube
 * of a large enough store is rebuilt in the background; build errors (e.g. the store closing) only leave SQL
 * answering.
 */
export async function freshItemCube(db: Db, dialect: SqlDialect): Promise<ItemCube | null> {
  if (cubeDisabled()) return null;
  const state = stateOf(rootHandle(db));
  const version = await cubeSourceVersion(db, dialect);
  if (state.cube && state.version === version) return state.cube;
  const due = Date.now() - state.lastBuildStarted >= (state.cube ? REBUILD_INTERVAL_MS : 0);
  if (!state.building && due && (await maxItemId(db)) >= CUBE_MIN_ITEMS) {
    buildItemCube(db, dialect).catch(() => {});
  }
  return null;
}

/**
 * The store's cube when one was built and still matches the store, else null, without starting a build: for
 * answers SQL gives cheaply too, where a store without a cube should not pay for the question of building one.
 */
export async function builtItemCube(db: Db, dialect: SqlDialect): Promise<ItemCube | null> {
  const state = states.get(rootHandle(db));
  if (cubeDisabled() || !state?.cube) return null;
  const version = await cubeSourceVersion(db, dialect);
  return state.version === version ? state.cube : null;
}

/** Forgets the store's cube (tests, and after a store is closed). */
export function dropItemCube(db: Db): void {
  states.delete(rootHandle(db));
}

/**
 * Builds the cube of a large enough store before the first itemStats asks for it, so a server that just
 * started does not answer its first minutes of dashboard queries from SQL. Resolves with the seconds the build
 * took, or null when the store is too small (or the cube is off) and SQL answers anyway.
 */
export async function warmItemCube(db: Db, dialect: SqlDialect): Promise<number | null> {
  if (cubeDisabled()) return null;
  if ((await maxItemId(db)) < CUBE_MIN_ITEMS) return null;
  const started = performance.now();
  await buildItemCube(db, dialect);
  return (performance.now() - started) / 1000;
}
