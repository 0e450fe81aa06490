import type { Db } from '@imr/store/client';
import type { ItemFilter, SqlDialect } from '@imr/store/repositories/item-filter';
import { type RawBuilder, sql } from 'kysely';
import { type DecisionTally, type OverturnRate, overturnRateOf } from './decision-tally';
import { type GroupOrder, type KeyValue, orderGroups } from './group-order';
import { type GuidelineCubeLevel, guidelineCubeCanAnswer, guidelineCubeGroups } from './guideline-cube-query';
import type { ItemCube } from './item-cube';
import { cubeCanAnswer, cubeCitationCoverage, cubeTallies } from './item-cube-query';
import { freshItemCube } from './item-cube-snapshot';
import { itemFilterSql, itemTotals, type TallyEngine } from './item-stats';
import { type RateInterval, wilsonInterval } from './wilson-interval';

// Guideline analytics: which guidelines and which of their pages decide the items a filter selects, how the
// items citing each were decided, and how often a party cited no guideline at all.

export const GUIDELINE_LEVELS = ['SOURCE', 'GUIDELINE', 'TOPIC'] as const;
export type GuidelineLevel = (typeof GUIDELINE_LEVELS)[number];

interface CommonArgs {
  filter?: ItemFilter | null;
  /** Only citations by this party; both when absent. */
  citedBy?: string | null;
  /** Only guidelines of these sources. */
  sources?: readonly string[] | null;
  /** Break every figure down by item category (share is then of the category's items). */
  perCategory?: boolean | null;
  orderBy?: GroupOrder | null;
  minCount?: number | null;
  limit?: number | null;
}

export interface GuidelineStatsArgs extends CommonArgs {
  /** SOURCE, GUIDELINE (source and name: the default) or TOPIC (source, name and topic). */
  level?: GuidelineLevel | null;
}

export interface CitedPagesArgs extends CommonArgs {
  /** Only guidelines with these names. */
  guidelines?: readonly string[] | null;
}

interface SharedGroup extends DecisionTally, OverturnRate {
  keyValues: KeyValue[];
  category: string | null;
  source: string;
  guideline: string | null;
  /** Items in the group ÷ items the filter selects (of the same category with perCategory). */
  share: number;
}

export interface GuidelineStatsGroup extends SharedGroup {
  topic: string | null;
  /** Citations (rows), counting an item citing the guideline twice twice. */
  citations: number;
}

export interface CitedPageGroup extends SharedGroup {
  page: number;
}

export interface GroupedResult<G> {
  /** The items the filter selects, each once. */
  items: DecisionTally & OverturnRate;
  groups: G[];
  groupCount: number;
}

function checkArgs(args: CommonArgs): void {
  if (args.minCount != null && (!Number.isInteger(args.minCount) || args.minCount < 0)) {
    throw new RangeError(`minCount: must be a non-negative integer, got ${args.minCount}`);
  }
  if (args.limit != null && (!Number.isInteger(args.limit) || args.limit < 1)) {
    throw new RangeError(`limit: must be a positive integer, got ${args.limit}`);
  }
}

const DISTINCT_TALLY = sql`count(distinct items.id) as n,
  count(distinct case when items.decision = 'UPHELD' then items.id end) as upheld,
  count(distinct case when items.decision = 'OVERTURNED' then items.id end) as overturned,
  count(distinct case when items.decision = 'PARTIALLY_OVERTURNED' then items.id end) as partial,
  count(distinct case when items.decision = 'UNKNOWN' then items.id end) as unknown`;

type Row = Record<string, string | number | null>;

function tallyOf(row: Row): DecisionTally {
  return {
    count: Number(row.n ?? 0),
    upheld: Number(row.upheld ?? 0),
    overturned: Number(row.overturned ?? 0),
    partiallyOverturned: Number(row.partial ?? 0),
    unknown: Number(row.unknown ?? 0),
  };
}

function citationConditions(args: CitedPagesArgs, dialect: SqlDialect): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`${itemFilterSql(args.filter, dialect)}`];
  if (args.citedBy) conditions.push(sql`cit.cited_by = ${args.citedBy}`);
  if (args.sources && args.sources.length > 0) {
    conditions.push(sql`gl.source in (${sql.join(args.sources.map((s) => sql`${s}`))})`);
  }
  if (args.guidelines && args.guidelines.length > 0) {
    conditions.push(sql`gl.name in (${sql.join(args.guidelines.map((g) => sql`${g}`))})`);
  }
  return conditions;
}

/** Items the filter selects, per category when asked: the denominators of `share`. */
async function denominators(
  db: Db,
  args: CommonArgs,
  dialect: SqlDialect,
): Promise<{ items: DecisionTally; byCategory: Map<string, number> }> {
  const items = await itemTotals(db, args.filter, dialect);
  const byCategory = new Map<string, number>();
  if (args.perCategory) {
    const rows = await sql<Row>`select items.category as c, count(*) as n from items
      where ${itemFilterSql(args.filter, dialect)} group by items.category`.execute(db);
    for (const row of rows.rows) byCategory.set(String(row.c), Number(row.n));
  }
  return { items, byCategory };
}

/** The cube's groups as the SQL's rows: key columns k0.., the distinct-item tally, the citation count. */
function cubeRows(
  cube: ItemCube,
  args: CitedPagesArgs,
  level: GuidelineCubeLevel,
): { rows: Row[]; items: DecisionTally; byCategory: Map<string, number> } {
  const rows = guidelineCubeGroups(cube, args, level).map(({ keyValues, tally, citations }) => {
    const row: Row = {
      n: tally.count,
      upheld: tally.upheld,
      overturned: tally.overturned,
      partial: tally.partiallyOverturned,
      unknown: tally.unknown,
      citations,
    };
    keyValues.forEach((value, i) => {
      row[`k${i}`] = value;
    });
    return row;
  });
  const denominators = cubeTallies(cube, args.filter, args.perCategory ? ['CATEGORY'] : [], 1);
  const byCategory = new Map<string, number>();
  for (const group of denominators.groups) byCategory.set(String(group.keyValues[0]), group.tally.count);
  return { rows, items: denominators.total, byCategory };
}

async function grouped<G extends SharedGroup>(
  db: Db,
  args: CitedPagesArgs,
  dialect: SqlDialect,
  query: {
    /** What the cube groups by for the same keys. */
    level: GuidelineCubeLevel;
    keys: RawBuilder<unknown>[];
    extra: RawBuilder<unknown>[];
    from: RawBuilder<unknown>;
    where: RawBuilder<unknown>[];
  },
  toGroup: (row: Row, base: SharedGroup) => G,
  engine: TallyEngine,
): Promise<GroupedResult<G>> {
  checkArgs(args);
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  const { rows, items, byCategory } =
    cube && guidelineCubeCanAnswer(cube, args.filter, query.level)
      ? cubeRows(cube, args, query.level)
      : await sqlRows(db, args, dialect, query);
  const offset = args.perCategory ? 1 : 0;
  const groups = rows.map((row) => {
    const tally = tallyOf(row);
    const keyValues = Array.from(
      { length: offset + query.keys.length },
      (_, i) => (row[`k${i}`] ?? null) as KeyValue,
    );
    const category = args.perCategory ? String(row.k0) : null;
    const denominator = category === null ? items.count : (byCategory.get(category) ?? 0);
    return toGroup(row, {
      ...tally,
      ...overturnRateOf(tally),
      keyValues,
      category,
      source: String(row[`k${offset}`]),
      guideline: (row[`k${offset + 1}`] as string | null) ?? null,
      share: denominator === 0 ? 0 : tally.count / denominator,
    });
  });
  return {
    items: { ...items, ...overturnRateOf(items) },
    groups: orderGroups(groups, args.orderBy ?? 'COUNT_DESC', args.limit ?? null),
    groupCount: groups.length,
  };
}

async function sqlRows(
  db: Db,
  args: CommonArgs,
  dialect: SqlDialect,
  query: {
    keys: RawBuilder<unknown>[];
    extra: RawBuilder<unknown>[];
    from: RawBuilder<unknown>;
    where: RawBuilder<unknown>[];
  },
): Promise<{ rows: Row[]; items: DecisionTally; byCategory: Map<string, number> }> {
  const keys = args.perCategory ? [sql`items.category`, ...query.keys] : query.keys;
  const columns = keys.map((k, i) => sql`${k} as ${sql.raw(`k${i}`)}`);
  const minCount = args.minCount ?? 1;
  const having = minCount > 1 ? sql`having count(distinct items.id) >= ${minCount}` : sql``;
  const result = await sql<Row>`select ${sql.join([...columns, ...query.extra, DISTINCT_TALLY])}
    from ${query.from}
    where ${sql.join(query.where, sql` and `)}
    group by ${sql.raw(keys.map((_, i) => String(i + 1)).join(', '))} ${having}`.execute(db);
  return { rows: result.rows, ...(await denominators(db, args, dialect)) };
}

const CITATIONS_FROM = sql`items join citations cit on cit.item_id = items.id join guidelines gl on gl.id = cit.guideline_id`;

/**
 * The guidelines cited for the items a filter selects: per guideline (or source, or topic), how many distinct
 * items cite it, their share of the selected items, how those items were decided, and the citation count.
 * Source NONE is the letter saying a party cited no guideline.
 */
export async function guidelineStats(
  db: Db,
  args: GuidelineStatsArgs,
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<GroupedResult<GuidelineStatsGroup>> {
  const level = args.level ?? 'GUIDELINE';
  const keys = [sql`gl.source`];
  if (level !== 'SOURCE') keys.push(sql`nullif(gl.name, '')`);
  if (level === 'TOPIC') keys.push(sql`nullif(gl.topic, '')`);
  const offset = args.perCategory ? 1 : 0;
  return grouped(
    db,
    args,
    dialect,
    {
      level,
      keys,
      extra: [sql`count(*) as citations`],
      from: CITATIONS_FROM,
      where: citationConditions(args, dialect),
    },
    (row, base) => ({
      ...base,
      guideline: level === 'SOURCE' ? null : base.guideline,
      topic: level === 'TOPIC' ? ((row[`k${offset + 2}`] as string | null) ?? null) : null,
      citations: Number(row.citations ?? 0),
    }),
    engine,
  );
}

/**
 * The pages cited for the items a filter selects (e.g. which MTUS pages decide massage therapy requests): per
 * guideline page, how many distinct items cite it, their share of the selected items, and how they were decided.
 */
export async function citedPages(
  db: Db,
  args: CitedPagesArgs,
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<GroupedResult<CitedPageGroup>> {
  const offset = args.perCategory ? 1 : 0;
  return grouped(
    db,
    args,
    dialect,
    {
      level: 'PAGE',
      keys: [sql`gl.source`, sql`nullif(gl.name, '')`, sql`cp.page`],
      extra: [],
      from: sql`items join citations cit on cit.item_id = items.id
        join citation_pages cp on cp.citation_id = cit.id
        join guidelines gl on gl.id = cit.guideline_id`,
      where: citationConditions(args, dialect),
    },
    (row, base) => ({ ...base, page: Number(row[`k${offset + 2}`]) }),
    engine,
  );
}

export interface CitationCoverage {
  citedBy: string;
  /** The items the filter selects. */
  items: number;
  /** Items for which this party cited no guideline (no citation, or only "none"). */
  citedNothing: DecisionTally & OverturnRate;
  /** Items for which this party cited at least one guideline. */
  citedSomething: DecisionTally & OverturnRate;
  /** citedNothing.count ÷ items; null when no item is selected. */
  citedNothingShare: number | null;
  citedNothingShareInterval: RateInterval | null;
}

function coverageOf(citedBy: string, nothing: DecisionTally, something: DecisionTally): CitationCoverage {
  const items = nothing.count + something.count;
  return {
    citedBy,
    items,
    citedNothing: { ...nothing, ...overturnRateOf(nothing) },
    citedSomething: { ...something, ...overturnRateOf(something) },
    citedNothingShare: items === 0 ? null : nothing.count / items,
    citedNothingShareInterval: wilsonInterval(nothing.count, items),
  };
}

/**
 * How often each party cited no guideline for the items a filter selects, and how those items were decided.
 * From the item cube when it is fresh and can answer (one pass over its arrays: the SQL probes every item's
 * citations once per party, about 10 s at 2 million letters), else from SQL.
 */
export async function citationCoverage(
  db: Db,
  filter: ItemFilter | null | undefined,
  parties: readonly string[],
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<CitationCoverage[]> {
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  if (cube && cubeCanAnswer(cube, filter))
    return cubeCitationCoverage(cube, filter, parties).map((c) =>
      coverageOf(c.citedBy, c.nothing, c.something),
    );
  const coverage: CitationCoverage[] = [];
  for (const citedBy of parties) {
    const result = await sql<Row>`select
        case when exists (select 1 from citations c join guidelines g on g.id = c.guideline_id
          where c.item_id = items.id and c.cited_by = ${citedBy} and g.source <> 'NONE') then 1 else 0 end as cited,
        count(*) as n,
        sum(case when items.decision = 'UPHELD' then 1 else 0 end) as upheld,
        sum(case when items.decision = 'OVERTURNED' then 1 else 0 end) as overturned,
        sum(case when items.decision = 'PARTIALLY_OVERTURNED' then 1 else 0 end) as partial,
        sum(case when items.decision = 'UNKNOWN' then 1 else 0 end) as unknown
      from items where ${itemFilterSql(filter, dialect)} group by 1`.execute(db);
    const empty: Row = { n: 0 };
    const nothing = tallyOf(result.rows.find((r) => Number(r.cited) === 0) ?? empty);
    const something = tallyOf(result.rows.find((r) => Number(r.cited) === 1) ?? empty);
    coverage.push(coverageOf(citedBy, nothing, something));
  }
  return coverage;
}
