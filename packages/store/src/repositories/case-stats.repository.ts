import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../client';
import { CASE_DIMENSION_SPECS, type CaseBridge, type CaseDimension, type KeyValues } from '../dimensions';
import { type ItemFilter, isFilterSet, type SqlDialect } from './item-filter';
import { itemFilterSql } from './item-stats.repository';

// Case (letter) tallies by SQL: how many cases and items per group, and a histogram of days from the UR denial
// to the IMR decision (days are small integers, so the histogram is small and exact). Means, percentiles and
// the choice between this and the in-memory cube are @imr/analytics' (case-stats.ts).

const CASE_DIMENSION_SQL: Record<CaseDimension, RawBuilder<unknown>> = {
  DECISION_YEAR: sql`cast(substr(cases.date_decision, 1, 4) as integer)`,
  DECISION_MONTH: sql`substr(cases.date_decision, 1, 7)`,
  PRIORITY: sql`cases.priority`,
  PATIENT_SEX: sql`cases.patient_sex`,
  PATIENT_AGE_BAND: sql`cases.patient_age_band`,
  REVIEWER_SPECIALTY: sql`rsp.specialty`,
  REVIEWER_STATE: sql`rst.state`,
};

// Left joins keep cases without a reviewer in the null group; distinct specialties so that a name listed as both
// specialty and subspecialty counts a case once.
const JOIN_SQL: Record<CaseBridge, RawBuilder<unknown>> = {
  reviewerSpecialty: sql`left join (select distinct reviewer_id, specialty from reviewer_specialties) rsp on rsp.reviewer_id = cases.reviewer_id`,
  reviewerState: sql`left join reviewer_states rst on rst.reviewer_id = cases.reviewer_id`,
};

/** One group of cases: its key values, how many cases and items, and their days to decision. */
export interface CaseGroupTally {
  keyValues: KeyValues;
  cases: number;
  items: number;
  /** Days from UR denial to decision: value and number of cases, in no particular order. */
  days: { value: number; count: number }[];
}

function caseConditions(filter: ItemFilter | null | undefined, dialect: SqlDialect): RawBuilder<unknown>[] {
  if (!isFilterSet(filter)) return [];
  return [sql`cases.id in (select items.case_id from items where ${itemFilterSql(filter, dialect)})`];
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
}

type Row = Record<string, string | number | null>;

/** Counts, item sums and day histograms per group: two passes over the cases (and their joins). */
export async function caseGroupTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly CaseDimension[],
  dialect: SqlDialect,
): Promise<CaseGroupTally[]> {
  const joins = sql.join(
    [...new Set(groupBy.flatMap((d) => CASE_DIMENSION_SPECS[d].bridge ?? []))].map((j) => JOIN_SQL[j]),
    sql` `,
  );
  const conditions = caseConditions(filter, dialect);
  const keyColumns = groupBy.map((d, i) => sql`${CASE_DIMENSION_SQL[d]} as ${sql.raw(`k${i}`)}`);
  const select = (extra: RawBuilder<unknown>[]) => sql.join([...keyColumns, ...extra]);
  const positions = (n: number) =>
    n === 0 ? sql`` : sql`group by ${sql.raw(Array.from({ length: n }, (_, i) => String(i + 1)).join(', '))}`;

  const counts = await sql<Row>`select ${select([sql`count(*) as n`, sql`sum(cases.item_count) as items`])}
    from cases ${joins} ${whereAll(conditions)} ${positions(groupBy.length)}`.execute(db);
  const days = await sql<Row>`select ${select([sql`cases.days_to_decision as d`, sql`count(*) as n`])}
    from cases ${joins} ${whereAll([...conditions, sql`cases.days_to_decision is not null`])}
    ${positions(groupBy.length + 1)}`.execute(db);

  const keyValuesOf = (row: Row): KeyValues =>
    groupBy.map((d, i) => {
      const v = row[`k${i}`] ?? null;
      return d === 'DECISION_YEAR' && v !== null ? Number(v) : v;
    });
  const histograms = new Map<string, { value: number; count: number }[]>();
  for (const row of days.rows) {
    const k = JSON.stringify(keyValuesOf(row));
    const bins = histograms.get(k) ?? [];
    bins.push({ value: Number(row.d), count: Number(row.n) });
    histograms.set(k, bins);
  }
  return counts.rows.map((row) => {
    const keyValues = keyValuesOf(row);
    return {
      keyValues,
      cases: Number(row.n),
      items: Number(row.items ?? 0),
      days: histograms.get(JSON.stringify(keyValues)) ?? [],
    };
  });
}
