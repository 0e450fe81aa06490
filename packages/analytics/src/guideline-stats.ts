import type { Db } from '@imr/store/client';
import type { CitationGrouping, GuidelineLevel } from '@imr/store/dimensions';
import {
  type CitationGroupRow,
  type CitationSelection,
  citationCoverageTallies,
  citationGroupRows,
  itemCountsByCategory,
} from '@imr/store/repositories/guideline-stats.repository';
import type { ItemFilter, SqlDialect } from '@imr/store/repositories/item-filter';
import { itemTotals, tallyOf } from '@imr/store/repositories/item-stats.repository';
import { cubeTallies } from './cube-tallies';
import { type DecisionTally, type OverturnRate, overturnRateOf } from './decision-tally';
import { type GroupOrder, type KeyValue, orderGroups } from './group-order';
import { guidelineCubeCanAnswer, guidelineCubeGroups } from './guideline-cube-query';
import type { ItemCube } from './item-cube';
import { cubeCanAnswer, cubeCitationCoverage } from './item-cube-query';
import { freshItemCube } from './item-cube-snapshot';
import type { TallyEngine } from './item-stats';
import { type RateInterval, wilsonInterval } from './wilson-interval';

// Guideline analytics: which guidelines and which of their pages decide the items a filter selects, how the
// items citing each were decided, and how often a party cited no guideline at all. The counting is the
// in-memory cube's when it is fresh and can answer, else the store's SQL; shares, rates and order are here.

interface CommonArgs extends Omit<CitationSelection, 'guidelines'> {
  /** Break every figure down by item category (share is then of the category's items). */
  perCategory?: boolean | null;
  orderBy?: GroupOrder | null;
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

type Row = CitationGroupRow;

interface GroupRows {
  rows: Row[];
  /** The items the filter selects, and per category with perCategory: the denominators of `share`. */
  items: DecisionTally;
  byCategory: Map<string, number>;
}

/** The cube's groups as the SQL's rows: key columns k0.., the distinct-item tally, the citation count. */
function cubeRows(cube: ItemCube, args: CitedPagesArgs, grouping: CitationGrouping): GroupRows {
  const rows = guidelineCubeGroups(cube, args, grouping).map(({ keyValues, tally, citations }) => {
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

async function sqlRows(
  db: Db,
  args: CitedPagesArgs,
  grouping: CitationGrouping,
  dialect: SqlDialect,
): Promise<GroupRows> {
  const rows = await citationGroupRows(db, args, grouping, dialect);
  const items = await itemTotals(db, args.filter, dialect);
  const byCategory = args.perCategory
    ? await itemCountsByCategory(db, args.filter, dialect)
    : new Map<string, number>();
  return { rows, items, byCategory };
}

async function grouped<G extends SharedGroup>(
  db: Db,
  args: CitedPagesArgs,
  dialect: SqlDialect,
  grouping: CitationGrouping,
  toGroup: (row: Row, base: SharedGroup) => G,
  engine: TallyEngine,
): Promise<GroupedResult<G>> {
  checkArgs(args);
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  const { rows, items, byCategory } =
    cube && guidelineCubeCanAnswer(cube, args.filter, grouping)
      ? cubeRows(cube, args, grouping)
      : await sqlRows(db, args, grouping, dialect);
  const offset = args.perCategory ? 1 : 0;
  const keyCount = grouping === 'SOURCE' ? 1 : grouping === 'GUIDELINE' ? 2 : 3;
  const groups = rows.map((row) => {
    const tally = tallyOf(row);
    const keyValues = Array.from({ length: offset + keyCount }, (_, i) => (row[`k${i}`] ?? null) as KeyValue);
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
  const offset = args.perCategory ? 1 : 0;
  return grouped(
    db,
    args,
    dialect,
    level,
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
    'PAGE',
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
 * From the item cube when it is fresh and can answer (one pass over its arrays, where the SQL probes every
 * item's citations once per party), else from SQL.
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
    const { nothing, something } = await citationCoverageTallies(db, filter, citedBy, dialect);
    coverage.push(coverageOf(citedBy, nothing, something));
  }
  return coverage;
}
