import type { Db } from '@imr/store/client';
import type { ItemFilter, SqlDialect } from '@imr/store/repositories/item-filter';
import { type RawBuilder, sql } from 'kysely';
import { type CaseGroupTally, caseCubeCanAnswer, caseCubeTallies } from './case-cube-query';
import { compareKeyValues, type KeyValue } from './group-order';
import { freshItemCube } from './item-cube-snapshot';
import { itemFilterSql, type TallyEngine } from './item-stats';
import { type HistogramBin, type Summary, summarizeHistogram } from './quantile';

// Case (letter) aggregates: how many cases, items per case, and days from the UR denial to the IMR decision.
// SQL returns counts and a histogram of days per group (days are small integers, so the histogram is small and
// exact); means and percentiles are computed from it here.

export const CASE_DIMENSIONS = [
  'DECISION_YEAR',
  'DECISION_MONTH',
  'PRIORITY',
  'REVIEWER_SPECIALTY',
  'REVIEWER_STATE',
  'PATIENT_SEX',
  'PATIENT_AGE_BAND',
] as const;
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];

export const MAX_CASE_DIMENSIONS = 3;

export interface CaseStatsKey {
  decisionYear?: number | null;
  decisionMonth?: string | null;
  priority?: string | null;
  reviewerSpecialty?: string | null;
  reviewerState?: string | null;
  patientSex?: string | null;
  patientAgeBand?: string | null;
}

type Join = 'reviewerSpecialty' | 'reviewerState';

const CASE_DIMENSION_SQL: Record<
  CaseDimension,
  { field: keyof CaseStatsKey; expr: RawBuilder<unknown>; join?: Join; time?: boolean }
> = {
  DECISION_YEAR: {
    field: 'decisionYear',
    expr: sql`cast(substr(cases.date_decision, 1, 4) as integer)`,
    time: true,
  },
  DECISION_MONTH: { field: 'decisionMonth', expr: sql`substr(cases.date_decision, 1, 7)`, time: true },
  PRIORITY: { field: 'priority', expr: sql`cases.priority` },
  PATIENT_SEX: { field: 'patientSex', expr: sql`cases.patient_sex` },
  PATIENT_AGE_BAND: { field: 'patientAgeBand', expr: sql`cases.patient_age_band` },
  REVIEWER_SPECIALTY: { field: 'reviewerSpecialty', expr: sql`rsp.specialty`, join: 'reviewerSpecialty' },
  REVIEWER_STATE: { field: 'reviewerState', expr: sql`rst.state`, join: 'reviewerState' },
};

// Left joins keep cases without a reviewer in the null group; distinct specialties so that a name listed as both
// specialty and subspecialty counts a case once.
const JOIN_SQL: Record<Join, RawBuilder<unknown>> = {
  reviewerSpecialty: sql`left join (select distinct reviewer_id, specialty from reviewer_specialties) rsp on rsp.reviewer_id = cases.reviewer_id`,
  reviewerState: sql`left join reviewer_states rst on rst.reviewer_id = cases.reviewer_id`,
};

export interface CaseStatsArgs {
  /** Cases with at least one item the filter matches; every case when the filter is empty. */
  filter?: ItemFilter | null;
  groupBy?: readonly CaseDimension[] | null;
  minCount?: number | null;
  limit?: number | null;
}

export interface CaseTally {
  cases: number;
  /** All disputed items of these cases (not only those the filter matched). */
  items: number;
  itemsPerCase: number | null;
  /** Days from UR denial to IMR decision, over cases with both dates. */
  daysToDecision: Summary;
}

export interface CaseStatsGroup extends CaseTally {
  key: CaseStatsKey;
  keyValues: KeyValue[];
}

export interface CaseStatsResult {
  total: CaseTally;
  groups: CaseStatsGroup[];
  groupCount: number;
}

export function checkCaseStatsArgs(args: CaseStatsArgs): void {
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > MAX_CASE_DIMENSIONS) {
    throw new RangeError(
      `groupBy: at most ${MAX_CASE_DIMENSIONS} dimensions, got ${groupBy.length} (${groupBy.join(', ')})`,
    );
  }
  const repeated = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (repeated) throw new RangeError(`groupBy: ${repeated} is listed twice`);
  if (args.minCount != null && (!Number.isInteger(args.minCount) || args.minCount < 0)) {
    throw new RangeError(`minCount: must be a non-negative integer, got ${args.minCount}`);
  }
  if (args.limit != null && (!Number.isInteger(args.limit) || args.limit < 1)) {
    throw new RangeError(`limit: must be a positive integer, got ${args.limit}`);
  }
}

/** True when the filter restricts anything (an empty list or a missing field does not). */
export function isFilterSet(filter: ItemFilter | null | undefined): boolean {
  return Object.values(filter ?? {}).some((v) => v != null && !(Array.isArray(v) && v.length === 0));
}

function caseConditions(filter: ItemFilter | null | undefined, dialect: SqlDialect): RawBuilder<unknown>[] {
  if (!isFilterSet(filter)) return [];
  return [sql`cases.id in (select items.case_id from items where ${itemFilterSql(filter, dialect)})`];
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
}

type Row = Record<string, string | number | null>;

/** Counts, item sums and day histograms per group from SQL: two passes over the cases (and their joins). */
async function sqlCaseTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly CaseDimension[],
  dialect: SqlDialect,
): Promise<CaseGroupTally[]> {
  const specs = groupBy.map((d) => CASE_DIMENSION_SQL[d]);
  const joins = sql.join(
    [...new Set(specs.flatMap((s) => (s.join ? [s.join] : [])))].map((j) => JOIN_SQL[j]),
    sql` `,
  );
  const conditions = caseConditions(filter, dialect);
  const keyColumns = specs.map((s, i) => sql`${s.expr} as ${sql.raw(`k${i}`)}`);
  const select = (extra: RawBuilder<unknown>[]) => sql.join([...keyColumns, ...extra]);
  const positions = (n: number) =>
    n === 0 ? sql`` : sql`group by ${sql.raw(Array.from({ length: n }, (_, i) => String(i + 1)).join(', '))}`;

  const counts = await sql<Row>`select ${select([sql`count(*) as n`, sql`sum(cases.item_count) as items`])}
    from cases ${joins} ${whereAll(conditions)} ${positions(specs.length)}`.execute(db);
  const days = await sql<Row>`select ${select([sql`cases.days_to_decision as d`, sql`count(*) as n`])}
    from cases ${joins} ${whereAll([...conditions, sql`cases.days_to_decision is not null`])}
    ${positions(specs.length + 1)}`.execute(db);

  const keyValuesOf = (row: Row): (string | number | null)[] =>
    groupBy.map((d, i) => {
      const v = row[`k${i}`] ?? null;
      return d === 'DECISION_YEAR' && v !== null ? Number(v) : v;
    });
  const histograms = new Map<string, HistogramBin[]>();
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

/**
 * The total and the groups' tallies: from the in-memory cube's cases when it is fresh and able (`auto`), else
 * from SQL.
 */
async function caseTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly CaseDimension[],
  dialect: SqlDialect,
  engine: TallyEngine,
): Promise<{ total: CaseGroupTally | undefined; groups: CaseGroupTally[] }> {
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  if (cube && caseCubeCanAnswer(cube, filter))
    return caseCubeTallies(cube, filter, !isFilterSet(filter), groupBy);
  const [total] = await sqlCaseTallies(db, filter, [], dialect);
  return { total, groups: groupBy.length === 0 ? [] : await sqlCaseTallies(db, filter, groupBy, dialect) };
}

export async function caseStats(
  db: Db,
  args: CaseStatsArgs,
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<CaseStatsResult> {
  checkCaseStatsArgs(args);
  const groupBy = args.groupBy ?? [];
  const minCount = Math.max(1, args.minCount ?? 1);
  const tallies = await caseTallies(db, args.filter, groupBy, dialect, engine);
  const summarize = (tally: CaseGroupTally): CaseStatsGroup => {
    const key: CaseStatsKey = {};
    groupBy.forEach((d, i) => {
      (key as Record<string, KeyValue>)[CASE_DIMENSION_SQL[d].field] = tally.keyValues[i] ?? null;
    });
    return {
      key,
      keyValues: tally.keyValues,
      cases: tally.cases,
      items: tally.items,
      itemsPerCase: tally.items / tally.cases,
      daysToDecision: summarizeHistogram(tally.days),
    };
  };
  const total: CaseStatsGroup =
    tallies.total && tallies.total.cases > 0
      ? summarize(tallies.total)
      : {
          key: {},
          keyValues: [],
          cases: 0,
          items: 0,
          itemsPerCase: null,
          daysToDecision: summarizeHistogram([]),
        };
  if (groupBy.length === 0) {
    const all = total.cases >= minCount ? [total] : [];
    return { total, groups: all, groupCount: all.length };
  }
  const groups = tallies.groups.filter((g) => g.cases > 0).map(summarize);
  const byTime = groupBy.some((d) => CASE_DIMENSION_SQL[d].time);
  const compareKeys = (a: CaseStatsGroup, b: CaseStatsGroup) => {
    for (let i = 0; i < groupBy.length; i++) {
      const c = compareKeyValues(a.keyValues[i], b.keyValues[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
  const kept = groups
    .filter((g) => g.cases >= minCount)
    .sort((a, b) => (byTime ? compareKeys(a, b) : b.cases - a.cases || compareKeys(a, b)));
  return {
    total,
    groups: args.limit == null ? kept : kept.slice(0, args.limit),
    groupCount: kept.length,
  };
}
