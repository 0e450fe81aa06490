import type { Db } from '@imr/store/client';
import type { Database } from '@imr/store/database';
import { type ItemFilter, itemFilterCondition, type SqlDialect } from '@imr/store/repositories/item-filter';
import { type Expression, expressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type DecisionTally, overturnRateOf } from './decision-tally';
import { type GroupOrder, orderGroups } from './group-order';
import { cubeCanAnswer, cubeTallies } from './item-cube-query';
import { freshItemCube } from './item-cube-snapshot';

// Item aggregates: counts by decision and overturn rates, grouped by up to three dimensions. SQL does the
// counting (GROUP BY); ordering, rates and intervals are computed here so both backends answer identically.

export const ITEM_DIMENSIONS = [
  'CATEGORY',
  'DECISION_YEAR',
  'DECISION_MONTH',
  'DRUG_CLASS',
  'DRUG',
  'TREATMENT',
  'BODY_REGION',
  'REVIEWER_SPECIALTY',
  'REVIEWER_STATE',
  'GUIDELINE_SOURCE',
  'GUIDELINE_TOPIC',
  'GUIDELINE',
  'CITED_BY',
  'PRIORITY',
  'PATIENT_SEX',
  'PATIENT_AGE_BAND',
  'DECISION',
] as const;
export type ItemDimension = (typeof ITEM_DIMENSIONS)[number];

export const MAX_ITEM_DIMENSIONS = 3;

/** A group's key: the fields of its group-by dimensions are set (null = the item has no value there). */
export interface ItemStatsKey {
  category?: string | null;
  decisionYear?: number | null;
  decisionMonth?: string | null;
  drugClass?: string | null;
  drug?: string | null;
  treatment?: string | null;
  bodyRegion?: string | null;
  reviewerSpecialty?: string | null;
  reviewerState?: string | null;
  guidelineSource?: string | null;
  guidelineTopic?: string | null;
  guideline?: string | null;
  citedBy?: string | null;
  priority?: string | null;
  patientSex?: string | null;
  patientAgeBand?: string | null;
  decision?: string | null;
}

type Join = 'bodyRegion' | 'reviewerSpecialty' | 'reviewerState' | 'citation';

interface DimensionSql {
  field: keyof ItemStatsKey;
  expr: RawBuilder<unknown>;
  join?: Join;
  time?: boolean;
}

export const ITEM_DIMENSION_SQL: Record<ItemDimension, DimensionSql> = {
  CATEGORY: { field: 'category', expr: sql`items.category` },
  DECISION_YEAR: { field: 'decisionYear', expr: sql`items.decision_year`, time: true },
  DECISION_MONTH: { field: 'decisionMonth', expr: sql`items.decision_month`, time: true },
  DRUG_CLASS: { field: 'drugClass', expr: sql`items.drug_class` },
  DRUG: { field: 'drug', expr: sql`items.drug_generic` },
  TREATMENT: { field: 'treatment', expr: sql`items.treatment` },
  PRIORITY: { field: 'priority', expr: sql`items.priority` },
  PATIENT_SEX: { field: 'patientSex', expr: sql`items.patient_sex` },
  PATIENT_AGE_BAND: { field: 'patientAgeBand', expr: sql`items.patient_age_band` },
  DECISION: { field: 'decision', expr: sql`items.decision` },
  BODY_REGION: { field: 'bodyRegion', expr: sql`ibr.body_region`, join: 'bodyRegion' },
  REVIEWER_SPECIALTY: { field: 'reviewerSpecialty', expr: sql`rsp.specialty`, join: 'reviewerSpecialty' },
  REVIEWER_STATE: { field: 'reviewerState', expr: sql`rst.state`, join: 'reviewerState' },
  GUIDELINE_SOURCE: { field: 'guidelineSource', expr: sql`gl.source`, join: 'citation' },
  // Stored '' when the letter names no guideline or topic (source NONE): no value, so null.
  GUIDELINE_TOPIC: { field: 'guidelineTopic', expr: sql`nullif(gl.topic, '')`, join: 'citation' },
  GUIDELINE: { field: 'guideline', expr: sql`nullif(gl.name, '')`, join: 'citation' },
  CITED_BY: { field: 'citedBy', expr: sql`cit.cited_by`, join: 'citation' },
};

// Left joins, so an item without a value (no body region, no reviewer, no citation) lands in the null group
// instead of vanishing. Specialties are made distinct because one name can be both specialty and subspecialty.
const JOIN_SQL: Record<Join, RawBuilder<unknown>> = {
  bodyRegion: sql`left join item_body_regions ibr on ibr.item_id = items.id`,
  reviewerSpecialty: sql`left join (select distinct reviewer_id, specialty from reviewer_specialties) rsp on rsp.reviewer_id = items.reviewer_id`,
  reviewerState: sql`left join reviewer_states rst on rst.reviewer_id = items.reviewer_id`,
  citation: sql`left join citations cit on cit.item_id = items.id left join guidelines gl on gl.id = cit.guideline_id`,
};

export function isTimeDimension(dimension: ItemDimension): boolean {
  return ITEM_DIMENSION_SQL[dimension].time === true;
}

export interface ItemStatsArgs {
  filter?: ItemFilter | null;
  groupBy?: readonly ItemDimension[] | null;
  /** Default: KEY_ASC when grouped by a time dimension (a time series in order), else COUNT_DESC. */
  orderBy?: GroupOrder | null;
  /** Groups with fewer items are left out. Default 1. */
  minCount?: number | null;
  /** Most groups returned, after ordering. Default: all. */
  limit?: number | null;
}

export interface ItemStatsGroup extends DecisionTally, ReturnType<typeof overturnRateOf> {
  key: ItemStatsKey;
  keyValues: (string | number | null)[];
}

export interface ItemStatsResult {
  /** Every matching item counted once, whatever the dimensions. */
  total: DecisionTally & ReturnType<typeof overturnRateOf>;
  /** Groups after minCount, ordered and limited. */
  groups: ItemStatsGroup[];
  /** How many groups passed minCount, before the limit. */
  groupCount: number;
}

/** Checks arguments a caller (GraphQL, CLI) may get wrong; throws a RangeError that says what is wrong. */
export function checkItemStatsArgs(args: ItemStatsArgs): void {
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > MAX_ITEM_DIMENSIONS) {
    throw new RangeError(
      `groupBy: at most ${MAX_ITEM_DIMENSIONS} dimensions, got ${groupBy.length} (${groupBy.join(', ')})`,
    );
  }
  const repeated = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (repeated) throw new RangeError(`groupBy: ${repeated} is listed twice`);
  for (const d of groupBy) {
    if (!(d in ITEM_DIMENSION_SQL)) throw new RangeError(`groupBy: unknown dimension ${String(d)}`);
  }
  if (args.minCount != null && (!Number.isInteger(args.minCount) || args.minCount < 0)) {
    throw new RangeError(`minCount: must be a non-negative integer, got ${args.minCount}`);
  }
  if (args.limit != null && (!Number.isInteger(args.limit) || args.limit < 1)) {
    throw new RangeError(`limit: must be a positive integer, got ${args.limit}`);
  }
}

export function defaultItemOrder(groupBy: readonly ItemDimension[]): GroupOrder {
  return groupBy.some(isTimeDimension) ? 'KEY_ASC' : 'COUNT_DESC';
}

interface TallyRow {
  n: number;
  upheld: number | null;
  overturned: number | null;
  partial: number | null;
  unknown: number | null;
}

function tallyOf(row: TallyRow): DecisionTally {
  return {
    count: Number(row.n),
    upheld: Number(row.upheld ?? 0),
    overturned: Number(row.overturned ?? 0),
    partiallyOverturned: Number(row.partial ?? 0),
    unknown: Number(row.unknown ?? 0),
  };
}

/** COUNT and per-decision counts; by distinct item id when joins can repeat an item within a group. */
function tallyColumns(distinct: boolean): RawBuilder<unknown> {
  if (distinct) {
    return sql`count(distinct items.id) as n,
      count(distinct case when items.decision = 'UPHELD' then items.id end) as upheld,
      count(distinct case when items.decision = 'OVERTURNED' then items.id end) as overturned,
      count(distinct case when items.decision = 'PARTIALLY_OVERTURNED' then items.id end) as partial,
      count(distinct case when items.decision = 'UNKNOWN' then items.id end) as unknown`;
  }
  return sql`count(*) as n,
    sum(case when items.decision = 'UPHELD' then 1 else 0 end) as upheld,
    sum(case when items.decision = 'OVERTURNED' then 1 else 0 end) as overturned,
    sum(case when items.decision = 'PARTIALLY_OVERTURNED' then 1 else 0 end) as partial,
    sum(case when items.decision = 'UNKNOWN' then 1 else 0 end) as unknown`;
}

export function itemFilterSql(
  filter: ItemFilter | null | undefined,
  dialect: SqlDialect,
): Expression<SqlBool> {
  return itemFilterCondition(expressionBuilder<Database, 'items'>(), filter, dialect);
}

/** Counts of the items the filter matches, each item once. */
export async function itemTotals(
  db: Db,
  filter: ItemFilter | null | undefined,
  dialect: SqlDialect,
): Promise<DecisionTally> {
  const where = itemFilterSql(filter, dialect);
  const result = await sql<TallyRow>`select ${tallyColumns(false)} from items where ${where}`.execute(db);
  return tallyOf(result.rows[0] ?? { n: 0, upheld: 0, overturned: 0, partial: 0, unknown: 0 });
}

type GroupRow = TallyRow & Record<`k${number}`, string | number | null>;

/** Per-group tallies straight from SQL, unordered; groups with fewer than minCount items are left out. */
export async function itemGroupTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
  minCount: number,
  dialect: SqlDialect,
): Promise<{ keyValues: (string | number | null)[]; tally: DecisionTally }[]> {
  const specs = groupBy.map((d) => ITEM_DIMENSION_SQL[d]);
  const joins = [...new Set(specs.flatMap((s) => (s.join ? [s.join] : [])))];
  // Only the citation join can repeat an item within a group (two citations of one source): count distinct ids.
  const distinct = joins.includes('citation');
  const keys = sql.join(specs.map((s, i) => sql`${s.expr} as ${sql.raw(`k${i}`)}`));
  const positions = sql.raw(specs.map((_, i) => String(i + 1)).join(', '));
  const having =
    minCount > 1
      ? sql`having ${distinct ? sql`count(distinct items.id)` : sql`count(*)`} >= ${minCount}`
      : sql``;
  const result = await sql<GroupRow>`select ${keys}, ${tallyColumns(distinct)}
    from items ${sql.join(
      joins.map((j) => JOIN_SQL[j]),
      sql` `,
    )}
    where ${itemFilterSql(filter, dialect)}
    group by ${positions} ${having}`.execute(db);
  return result.rows.map((row) => ({
    keyValues: specs.map((_, i) => row[`k${i}`] ?? null),
    tally: tallyOf(row),
  }));
}

function keyOf(groupBy: readonly ItemDimension[], values: readonly (string | number | null)[]): ItemStatsKey {
  const key: ItemStatsKey = {};
  groupBy.forEach((d, i) => {
    const value = values[i] ?? null;
    // decision_year is an integer column; normalise in case a driver hands back a string or bigint.
    (key as Record<string, string | number | null>)[ITEM_DIMENSION_SQL[d].field] =
      d === 'DECISION_YEAR' && value !== null ? Number(value) : value;
  });
  return key;
}

/** Where item tallies come from: `auto` uses the in-memory cube when it is fresh and can answer, else SQL. */
export type TallyEngine = 'auto' | 'sql';

/** Total and per-group tallies (unordered), from the cube when it is fresh and able, else from SQL. */
export async function itemTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
  minCount: number,
  dialect: SqlDialect,
  engine: TallyEngine = 'auto',
): Promise<{
  total: DecisionTally;
  groups: { keyValues: (string | number | null)[]; tally: DecisionTally }[];
}> {
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  if (cube && cubeCanAnswer(cube, filter)) return cubeTallies(cube, filter, groupBy, minCount);
  const total = await itemTotals(db, filter, dialect);
  const groups = groupBy.length === 0 ? [] : await itemGroupTallies(db, filter, groupBy, minCount, dialect);
  return { total, groups };
}

/**
 * Item counts by decision, overturn rates and Wilson intervals, in total and per group. An item counts once
 * per value of a multi-valued dimension (body region, reviewer specialty or state, guideline...), so groups
 * can sum to more than the total; the total counts each matching item once.
 */
export async function itemStats(
  db: Db,
  args: ItemStatsArgs,
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<ItemStatsResult> {
  checkItemStatsArgs(args);
  const groupBy = args.groupBy ?? [];
  const minCount = args.minCount ?? 1;
  const tallies = await itemTallies(db, args.filter, groupBy, minCount, dialect, engine);
  const total = { ...tallies.total, ...overturnRateOf(tallies.total) };
  if (groupBy.length === 0) {
    const all = total.count >= Math.max(1, minCount) ? [{ key: {}, keyValues: [], ...total }] : [];
    return { total, groups: all, groupCount: all.length };
  }
  const groups = tallies.groups.map(({ keyValues, tally }) => {
    const key = keyOf(groupBy, keyValues);
    return {
      key,
      keyValues: groupBy.map((d) => key[ITEM_DIMENSION_SQL[d].field] ?? null),
      ...tally,
      ...overturnRateOf(tally),
    };
  });
  const order = args.orderBy ?? defaultItemOrder(groupBy);
  return { total, groups: orderGroups(groups, order, args.limit ?? null), groupCount: groups.length };
}
