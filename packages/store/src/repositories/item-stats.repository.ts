import { type Expression, expressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../client';
import type { Database } from '../database';
import type { DecisionTally } from '../decision-tally';
import { ITEM_DIMENSION_SPECS, type ItemBridge, type ItemDimension, type KeyValues } from '../dimensions';
import { type ItemFilter, itemFilterCondition, type SqlDialect } from './item-filter';

// Item tallies by SQL: counts by decision, grouped by up to three dimensions (GROUP BY). Rates, ordering and the
// choice between this and the in-memory cube are @imr/analytics' (item-stats.ts).

/** Each dimension's value for an item row, reached through its bridge's join when it has one. */
const ITEM_DIMENSION_SQL: Record<ItemDimension, RawBuilder<unknown>> = {
  CATEGORY: sql`items.category`,
  DECISION_YEAR: sql`items.decision_year`,
  DECISION_MONTH: sql`items.decision_month`,
  DRUG_CLASS: sql`items.drug_class`,
  DRUG: sql`items.drug_generic`,
  TREATMENT: sql`items.treatment`,
  PRIORITY: sql`items.priority`,
  PATIENT_SEX: sql`items.patient_sex`,
  PATIENT_AGE_BAND: sql`items.patient_age_band`,
  DECISION: sql`items.decision`,
  BODY_REGION: sql`ibr.body_region`,
  REVIEWER_SPECIALTY: sql`rsp.specialty`,
  REVIEWER_STATE: sql`rst.state`,
  GUIDELINE_SOURCE: sql`gl.source`,
  // Stored '' when the letter names no guideline or topic (source NONE): no value, so null.
  GUIDELINE_TOPIC: sql`nullif(gl.topic, '')`,
  GUIDELINE: sql`nullif(gl.name, '')`,
  CITED_BY: sql`cit.cited_by`,
};

// Left joins, so an item without a value (no body region, no reviewer, no citation) lands in the null group
// instead of vanishing. Specialties are made distinct because one name can be both specialty and subspecialty.
const JOIN_SQL: Record<ItemBridge, RawBuilder<unknown>> = {
  bodyRegion: sql`left join item_body_regions ibr on ibr.item_id = items.id`,
  reviewerSpecialty: sql`left join (select distinct reviewer_id, specialty from reviewer_specialties) rsp on rsp.reviewer_id = items.reviewer_id`,
  reviewerState: sql`left join reviewer_states rst on rst.reviewer_id = items.reviewer_id`,
  citation: sql`left join citations cit on cit.item_id = items.id left join guidelines gl on gl.id = cit.guideline_id`,
};

/** One group's key values and its tally. */
export interface GroupTally {
  keyValues: KeyValues;
  tally: DecisionTally;
}

/** A row of the per-decision counts `tallyColumns` selects (n, upheld, overturned, partial, unknown). */
export interface TallyRow {
  n: number | string | null;
  upheld: number | string | null;
  overturned: number | string | null;
  partial: number | string | null;
  unknown: number | string | null;
}

export function tallyOf(row: Partial<TallyRow>): DecisionTally {
  return {
    count: Number(row.n ?? 0),
    upheld: Number(row.upheld ?? 0),
    overturned: Number(row.overturned ?? 0),
    partiallyOverturned: Number(row.partial ?? 0),
    unknown: Number(row.unknown ?? 0),
  };
}

/** COUNT and per-decision counts; by distinct item id when joins can repeat an item within a group. */
export function tallyColumns(distinct: boolean): RawBuilder<unknown> {
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
  return tallyOf(result.rows[0] ?? {});
}

type GroupRow = TallyRow & Record<`k${number}`, string | number | null>;

/** Per-group tallies straight from SQL, unordered; groups with fewer than minCount items are left out. */
export async function itemGroupTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
  minCount: number,
  dialect: SqlDialect,
): Promise<GroupTally[]> {
  const joins = [...new Set(groupBy.flatMap((d) => ITEM_DIMENSION_SPECS[d].bridge ?? []))];
  // Only the citation join can repeat an item within a group (two citations of one source): count distinct ids.
  const distinct = joins.includes('citation');
  const keys = sql.join(groupBy.map((d, i) => sql`${ITEM_DIMENSION_SQL[d]} as ${sql.raw(`k${i}`)}`));
  const positions = sql.raw(groupBy.map((_, i) => String(i + 1)).join(', '));
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
    keyValues: groupBy.map((_, i) => row[`k${i}`] ?? null),
    tally: tallyOf(row),
  }));
}
