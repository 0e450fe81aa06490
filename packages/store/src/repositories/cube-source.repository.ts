import { sql } from 'kysely';
import type { Db } from '../client';
import { readOnlyDataVersion } from '../read-only-store';
import type { SqlDialect } from './item-filter';

// What the in-memory cube (@imr/analytics item-cube-reader.ts) reads from the store: the rows it is built from,
// in chunks of ids so the reader can yield to the event loop between them, and the version that tells whether
// a cube built earlier still matches the store.

/**
 * Changes with every commit that can change items or cases: SQLite's data_version moves on other connections'
 * commits, and the highest item and case ids on this connection's own (a replaced letter's rows get new ids; a
 * letter without items adds only a case). All are O(1). A read-only SQLite store commits nothing itself, so
 * there data_version alone is the version: a pragma on the main thread, not a statement sent to a read worker
 * (every cube answer asks, and a worker may be busy with a slow statement).
 */
export async function cubeSourceVersion(db: Db, dialect: SqlDialect): Promise<string> {
  const readOnlyVersion = dialect === 'sqlite' ? readOnlyDataVersion(db) : undefined;
  if (readOnlyVersion !== undefined) return `s${readOnlyVersion}`;
  const { rows } = await sql<{ m: number | null; c: number | null }>`select
    (select max(id) from items) as m, (select max(id) from cases) as c`.execute(db);
  const ids = `${Number(rows[0]?.m ?? 0)}.${Number(rows[0]?.c ?? 0)}`;
  if (dialect !== 'sqlite') return `p${ids}`;
  return `s${await dataVersion(db)}.${ids}`;
}

async function dataVersion(db: Db): Promise<number> {
  const pragma = await sql<{ dataVersion: number }>`pragma data_version`.execute(db);
  return pragma.rows[0]?.dataVersion ?? 0;
}

/** The highest item id: how large the store is, for whether a cube is worth building. */
export async function maxItemId(db: Db): Promise<number> {
  const { rows } = await sql<{ m: number | null }>`select max(id) as m from items`.execute(db);
  return Number(rows[0]?.m ?? 0);
}

/** An item as the cube holds it: its ids, dates, and the values of the dimensions its row holds. */
export interface CubeSourceItem {
  id: number;
  caseId: number;
  reviewerId: number | null;
  dateDecision: string | null;
  dateInjury: string | null;
  decision: string;
  category: string;
  decisionYear: number | null;
  decisionMonth: string | null;
  drugClass: string | null;
  drug: string | null;
  treatment: string;
  priority: string | null;
  patientSex: string | null;
  patientAgeBand: string | null;
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

/** Up to `limit` items with ids above `after`, in id order. */
export async function cubeItemsAfter(db: Db, after: number, limit: number): Promise<CubeSourceItem[]> {
  const { rows } =
    await sql<ItemChunkRow>`select id, case_id as k, decision as d, category as c, decision_year as y,
      decision_month as m, drug_class as dc, drug_generic as dg, treatment as t, priority as p,
      patient_sex as s, patient_age_band as a, reviewer_id as r, date_decision as dd, date_injury as di
    from items where id > ${after} order by id limit ${limit}`.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    caseId: Number(row.k),
    reviewerId: row.r === null ? null : Number(row.r),
    dateDecision: row.dd,
    dateInjury: row.di,
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
  }));
}

/** The body regions of the items with ids in (after, last]. */
export async function cubeBodyRegionsBetween(
  db: Db,
  after: number,
  last: number,
): Promise<{ itemId: number; bodyRegion: string }[]> {
  const { rows } = await sql<{ i: number; b: string }>`select item_id as i, body_region as b
    from item_body_regions where item_id > ${after} and item_id <= ${last}`.execute(db);
  return rows.map((r) => ({ itemId: Number(r.i), bodyRegion: r.b }));
}

/**
 * The citations of the items with ids in (after, last], each with its `pages` list as the letter gave it (JSON):
 * its distinct values are the citation's citation_pages rows, and reading them from here instead of joining the
 * page rows keeps the cube's build from doubling on a large store.
 */
export async function cubeCitationsBetween(
  db: Db,
  after: number,
  last: number,
): Promise<{ itemId: number; guidelineId: number; citedBy: string; pages: string }[]> {
  const { rows } = await sql<{ i: number; g: number; b: string; p: string }>`select item_id as i,
      guideline_id as g, cited_by as b, pages as p
    from citations where item_id > ${after} and item_id <= ${last}`.execute(db);
  return rows.map((c) => ({ itemId: Number(c.i), guidelineId: Number(c.g), citedBy: c.b, pages: c.p }));
}

/** A case as the cube holds it, for caseStats. */
export interface CubeSourceCase {
  id: number;
  reviewerId: number | null;
  dateDecision: string | null;
  priority: string | null;
  patientSex: string | null;
  patientAgeBand: string | null;
  daysToDecision: number | null;
  itemCount: number;
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

/** Up to `limit` cases with ids above `after`, in id order. */
export async function cubeCasesAfter(db: Db, after: number, limit: number): Promise<CubeSourceCase[]> {
  const { rows } = await sql<CaseChunkRow>`select id, reviewer_id as r, date_decision as dd, priority as p,
      patient_sex as s, patient_age_band as a, days_to_decision as n, item_count as c
    from cases where id > ${after} order by id limit ${limit}`.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    reviewerId: row.r === null ? null : Number(row.r),
    dateDecision: row.dd,
    priority: row.p,
    patientSex: row.s,
    patientAgeBand: row.a,
    daysToDecision: row.n === null ? null : Number(row.n),
    itemCount: Number(row.c),
  }));
}

/** Every reviewer's specialties and states, and every guideline: small tables, read whole. */
export async function cubeReviewersAndGuidelines(db: Db): Promise<{
  reviewerSpecialties: { reviewerId: number; specialty: string }[];
  reviewerStates: { reviewerId: number; state: string }[];
  guidelines: { id: number; source: string; name: string; topic: string }[];
}> {
  const specialties = await sql<{ reviewerId: number; specialty: string }>`
    select reviewer_id, specialty from reviewer_specialties`.execute(db);
  const states = await sql<{ reviewerId: number; state: string }>`
    select reviewer_id, state from reviewer_states`.execute(db);
  const guidelines = await sql<{ id: number; source: string; name: string; topic: string }>`
    select id, source, name, topic from guidelines`.execute(db);
  return {
    reviewerSpecialties: specialties.rows.map((r) => ({
      reviewerId: Number(r.reviewerId),
      specialty: r.specialty,
    })),
    reviewerStates: states.rows.map((r) => ({ reviewerId: Number(r.reviewerId), state: r.state })),
    guidelines: guidelines.rows.map((g) => ({ ...g, id: Number(g.id) })),
  };
}
