import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '@imr/store/client';
import type { SqlDialect } from '@imr/store/repositories/item-filter';
import { sql } from 'kysely';
import { growingUint32 } from './growing-typed-array';
import { type CubeItemRow, type ItemCube, ItemCubeBuilder } from './item-cube';

// Keeps one ItemCube per open store in this process and says whether it matches the store right now. The cube
// is a snapshot: any commit (an ingest, a reparse, another process) makes it stale, and a stale cube is never
// used: itemStats, caseStats, guidelineStats, citedPages and citationCoverage answer from SQL and a rebuild starts in the background. Below CUBE_MIN_ITEMS items SQL is
// fast enough and no cube is built unless asked for.

export const CUBE_MIN_ITEMS = 50_000;
const CHUNK = 100_000;
/** After a build, wait this long before another (while an ingest commits every second, SQL answers). */
const REBUILD_INTERVAL_MS = 30_000;

interface CubeState {
  cube: ItemCube | null;
  version: string | null;
  building: Promise<void> | null;
  lastBuildStarted: number;
}

const states = new WeakMap<Db, CubeState>();

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
 * Changes with every commit that can change items or cases: SQLite's data_version moves on other connections'
 * commits, and the highest item and case ids on this connection's own (a replaced letter's rows get new ids; a
 * letter without items adds only a case). All are O(1).
 */
async function storeVersion(db: Db, dialect: SqlDialect): Promise<{ version: string; maxItemId: number }> {
  const { rows } = await sql<{ m: number | null; c: number | null }>`select
    (select max(id) from items) as m, (select max(id) from cases) as c`.execute(db);
  const maxItemId = Number(rows[0]?.m ?? 0);
  const ids = `${maxItemId}.${Number(rows[0]?.c ?? 0)}`;
  if (dialect !== 'sqlite') return { version: `p${ids}`, maxItemId };
  const pragma = await sql<{ dataVersion: number }>`pragma data_version`.execute(db);
  return { version: `s${pragma.rows[0]?.dataVersion ?? 0}.${ids}`, maxItemId };
}

interface ItemChunkRow {
  id: number;
  k: number;
  d: string;
  c: string;
  y: number | null;
  m: string | null;
  dc: string | null;
  dg: string | null;
  t: string;
  p: string | null;
  s: string | null;
  a: string | null;
  r: number | null;
  dd: string | null;
  di: string | null;
}

/**
 * Reads the store into a new cube (items, their regions, citations and pages, then the cases), in chunks of item
 * ids, yielding to the event loop between chunks.
 */
export async function readItemCube(db: Db): Promise<ItemCube> {
  const builder = new ItemCubeBuilder();
  // Flat arrays rather than an object per row: millions of rows, held until the cube is finished.
  const regionItems: number[] = [];
  const regionNames: string[] = [];
  // Seven and ten million rows at two million letters: typed buffers, not arrays of numbers and strings.
  const citationItems = growingUint32();
  const citationGuidelines = growingUint32();
  const citationParties = growingUint32();
  const pageItems = growingUint32();
  const pageGuidelines = growingUint32();
  const pagePages = growingUint32();
  const pagePartyCodes = growingUint32();
  const partyNames: string[] = [];
  let maxPage = 0;
  // False when a page is not a non-negative integer: the cube then has no pages and citedPages asks SQL.
  let pagesAreCodes = true;
  let after = 0;
  for (;;) {
    const { rows } =
      await sql<ItemChunkRow>`select id, case_id as k, decision as d, category as c, decision_year as y,
        decision_month as m, drug_class as dc, drug_generic as dg, treatment as t, priority as p,
        patient_sex as s, patient_age_band as a, reviewer_id as r, date_decision as dd, date_injury as di
      from items where id > ${after} order by id limit ${CHUNK}`.execute(db);
    if (rows.length === 0) break;
    const last = Number(rows[rows.length - 1]!.id);
    builder.addItems(
      rows.map(
        (row): CubeItemRow => ({
          id: Number(row.id),
          caseId: Number(row.k),
          reviewerId: row.r === null ? null : Number(row.r),
          dateDecision: row.dd,
          dateInjury: row.di,
          values: {
            decision: row.d,
            category: row.c,
            decisionYear: row.y === null ? null : Number(row.y),
            decisionMonth: row.m,
            drugClass: row.dc,
            drug: row.dg,
            treatment: row.t,
            priority: row.p,
            patientSex: row.s,
            patientAgeBand: row.a,
          },
        }),
      ),
    );
    // The same id range of the bridge tables: every row of an item lands with it.
    const regions = await sql<{
      i: number;
      b: string;
    }>`select item_id as i, body_region as b from item_body_regions
      where item_id > ${after} and item_id <= ${last}`.execute(db);
    for (const r of regions.rows) {
      regionItems.push(Number(r.i));
      regionNames.push(r.b);
    }
    // A citation's pages come from its `pages` list (the JSON the letter gave, whose distinct values are its
    // citation_pages rows): joining the ten million page rows instead doubles the cube's build at 2M letters.
    const cited = await sql<{
      i: number;
      g: number;
      b: string;
      p: string;
    }>`select item_id as i, guideline_id as g, cited_by as b, pages as p
      from citations where item_id > ${after} and item_id <= ${last}`.execute(db);
    for (const c of cited.rows) {
      const item = Number(c.i);
      const guideline = Number(c.g);
      let party = partyNames.indexOf(c.b);
      if (party < 0) party = partyNames.push(c.b) - 1;
      citationItems.push(item);
      citationGuidelines.push(guideline);
      citationParties.push(party);
      if (c.p === '[]') continue;
      const listed = JSON.parse(c.p) as unknown;
      if (!Array.isArray(listed)) {
        pagesAreCodes = false;
        continue;
      }
      for (const [k, page] of listed.entries()) {
        if (listed.indexOf(page) !== k) continue; // a page listed twice is one citation_pages row
        if (!(Number.isInteger(page) && page >= 0 && page < 2 ** 32)) {
          pagesAreCodes = false;
          continue;
        }
        pageItems.push(item);
        pageGuidelines.push(guideline);
        pagePages.push(page);
        pagePartyCodes.push(party);
        if (page > maxPage) maxPage = page;
      }
    }
    after = last;
    await yieldToEventLoop();
  }
  await readCubeCases(db, builder);
  const specialties = await sql<{ reviewerId: number; specialty: string }>`
    select reviewer_id, specialty from reviewer_specialties`.execute(db);
  const states = await sql<{
    reviewerId: number;
    state: string;
  }>`select reviewer_id, state from reviewer_states`.execute(db);
  const guidelines = await sql<{ id: number; source: string; name: string; topic: string }>`
    select id, source, name, topic from guidelines`.execute(db);
  function* bodyRegions() {
    for (let k = 0; k < regionItems.length; k++)
      yield { itemId: regionItems[k]!, bodyRegion: regionNames[k]! };
  }
  function* citations() {
    for (let k = 0; k < citationItems.length; k++) {
      yield {
        itemId: citationItems.at(k),
        guidelineId: citationGuidelines.at(k),
        citedBy: partyNames[citationParties.at(k)]!,
      };
    }
  }
  function* citationPages() {
    for (let k = 0; k < pageItems.length; k++) {
      yield {
        itemId: pageItems.at(k),
        guidelineId: pageGuidelines.at(k),
        citedBy: partyNames[pagePartyCodes.at(k)]!,
        page: pagePages.at(k),
      };
    }
  }
  return builder.finish({
    bodyRegions: bodyRegions(),
    citations: citations(),
    citationPages: pagesAreCodes ? { rows: citationPages(), minPage: 0, maxPage } : undefined,
    reviewerSpecialties: specialties.rows.map((r) => ({
      reviewerId: Number(r.reviewerId),
      specialty: r.specialty,
    })),
    reviewerStates: states.rows.map((r) => ({ reviewerId: Number(r.reviewerId), state: r.state })),
    guidelines: guidelines.rows.map((g) => ({ ...g, id: Number(g.id) })),
  });
}

interface CaseChunkRow {
  id: number;
  r: number | null;
  dd: string | null;
  p: string | null;
  s: string | null;
  a: string | null;
  n: number | null;
  c: number;
}

/** The cases, for caseStats: read after the items, so every item's case is among them. */
async function readCubeCases(db: Db, builder: ItemCubeBuilder): Promise<void> {
  let after = 0;
  for (;;) {
    const { rows } = await sql<CaseChunkRow>`select id, reviewer_id as r, date_decision as dd, priority as p,
        patient_sex as s, patient_age_band as a, days_to_decision as n, item_count as c
      from cases where id > ${after} order by id limit ${CHUNK}`.execute(db);
    if (rows.length === 0) break;
    builder.addCases(
      rows.map((row) => ({
        id: Number(row.id),
        reviewerId: row.r === null ? null : Number(row.r),
        dateDecision: row.dd,
        priority: row.p,
        patientSex: row.s,
        patientAgeBand: row.a,
        daysToDecision: row.n === null ? null : Number(row.n),
        itemCount: Number(row.c),
      })),
    );
    after = Number(rows[rows.length - 1]!.id);
    await yieldToEventLoop();
  }
}

/**
 * Builds (or rebuilds) the store's cube now and keeps it if no commit landed while it was read. Resolves once
 * done; a build already running is awaited instead of starting another.
 */
export async function buildItemCube(db: Db, dialect: SqlDialect): Promise<void> {
  const state = stateOf(db);
  if (state.building) return state.building;
  state.lastBuildStarted = Date.now();
  state.building = (async () => {
    try {
      const before = await storeVersion(db, dialect);
      const cube = await readItemCube(db);
      const after = await storeVersion(db, dialect);
      if (before.version === after.version) {
        state.cube = cube;
        state.version = after.version;
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
  const state = stateOf(db);
  const { version, maxItemId } = await storeVersion(db, dialect);
  if (state.cube && state.version === version) return state.cube;
  const due = Date.now() - state.lastBuildStarted >= (state.cube ? REBUILD_INTERVAL_MS : 0);
  if (!state.building && due && maxItemId >= CUBE_MIN_ITEMS) {
    buildItemCube(db, dialect).catch(() => {});
  }
  return null;
}

/** Forgets the store's cube (tests, and after a store is closed). */
export function dropItemCube(db: Db): void {
  states.delete(db);
}

/**
 * Builds the cube of a large enough store before the first itemStats asks for it, so a server that just
 * started does not answer its first minutes of dashboard queries from SQL. Resolves with the seconds the build
 * took, or null when the store is too small (or the cube is off) and SQL answers anyway.
 */
export async function warmItemCube(db: Db, dialect: SqlDialect): Promise<number | null> {
  if (cubeDisabled()) return null;
  const { maxItemId } = await storeVersion(db, dialect);
  if (maxItemId < CUBE_MIN_ITEMS) return null;
  const started = performance.now();
  await buildItemCube(db, dialect);
  return (performance.now() - started) / 1000;
}
