import { itemStats } from '../../packages/analytics/src/item-stats';
import { EXAMPLE_OPERATIONS } from '../../packages/server/src/graphiql/example-operations';
import { toItemFilter } from '../../packages/server/src/schema/types/item-filter.input';
import type { ItemDimension } from '../../packages/store/src/dimensions';
import type { Reader } from '../../packages/store/src/repositories/keyset';

export interface QueryCase {
  name: string;
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
  /**
   * Answered by the server's in-memory item cube (itemStats, citationCoverage); the in-process capture of the
   * direct-SQL baseline has no cube, so it runs the SQL path.
   */
  fromCube?: boolean;
  /**
   * For a cube answer: the repository call that does the answer's own work (in-process, the cube warm), the
   * baseline the HTTP answer is held to. Absent where the bench cannot separate that work from GraphQL's.
   */
  engine?: (reader: Reader) => Promise<unknown>;
}

const STATS = `query S($filter: ItemFilter, $groupBy: [ItemDimension!]) {
  itemStats(filter: $filter, groupBy: $groupBy) {
    total { count overturned overturnRate }
    groups { key { category decisionYear drugClass priority } count upheld overturned overturnRate overturnRateInterval { low high } }
  }
}`;

const FILTER = { decisionDateFrom: '2018-01-01', priority: ['STANDARD'] as 'STANDARD'[] };

/** The itemStats call the resolver makes for these arguments (the schema's default limit, 1,000 groups). */
function itemStatsWork(groupBy: ItemDimension[], filter?: typeof FILTER): QueryCase['engine'] {
  return ({ db, dialect }) => itemStats(db, { filter: toItemFilter(filter), groupBy, limit: 1000 }, dialect);
}

const NESTED = `query Nested {
  cases(first: 100) {
    edges { node {
      caseNumber dates { decision }
      reviewer { specialties licensedIn }
      items(first: 10) { edges { node {
        title decision category
        citations(first: 10) { edges { node { citedBy pages guideline { source name topic } } } }
      } } }
    } }
  }
}`;

// Issue 22's page of 20 items with their case and citations (the peer comparison's shape).
const ITEMS_PAGE = `query ItemsPage {
  items(first: 20) {
    edges { node {
      title decision category
      case { caseNumber dates { decision } priority }
      citations(first: 10) { edges { node { citedBy pages guideline { source name topic } } } }
    } }
  }
}`;

const SEARCH = `query Search($query: String!) { search(query: $query, first: 20) { rankedAll edges { node { title snippet score } } } }`;

/** The GraphiQL examples that are one itemStats call, as that call. */
const EXAMPLE_ITEM_STATS: Record<string, QueryCase['engine']> = {
  OverturnRateByCategory: ({ db, dialect }) =>
    itemStats(db, { filter: {}, groupBy: ['CATEGORY'], orderBy: 'COUNT_DESC', limit: 1000 }, dialect),
  OpioidRequestsByYear: ({ db, dialect }) =>
    itemStats(db, { filter: { drugClasses: ['OPIOID'] }, groupBy: ['DECISION_YEAR'], limit: 1000 }, dialect),
};

/** The operations the issue names: itemStats with 1-3 dimensions ± filter, a nested page, search rare/common. */
export function queryWorkload(rareTerm: string, commonTerm: string, caseNumber: string | null): QueryCase[] {
  const dims: ItemDimension[][] = [
    ['CATEGORY'],
    ['CATEGORY', 'DECISION_YEAR'],
    ['CATEGORY', 'DECISION_YEAR', 'DRUG_CLASS'],
  ];
  const cases: QueryCase[] = [];
  for (const groupBy of dims) {
    cases.push({
      name: `itemStats ${groupBy.length} dim`,
      body: { query: STATS, variables: { groupBy } },
      fromCube: true,
      engine: itemStatsWork(groupBy),
    });
    cases.push({
      name: `itemStats ${groupBy.length} dim + filter`,
      body: { query: STATS, variables: { groupBy, filter: FILTER } },
      fromCube: true,
      engine: itemStatsWork(groupBy, FILTER),
    });
  }
  cases.push({
    name: 'nested: 100 cases → items → citations → guideline, reviewer',
    body: { query: NESTED },
  });
  cases.push({
    name: 'nested: 20 items → case, citations → guideline',
    body: { query: ITEMS_PAGE },
  });
  cases.push({
    name: `search top 20, rare term "${rareTerm}"`,
    body: { query: SEARCH, variables: { query: rareTerm } },
  });
  cases.push({
    name: `search top 20, common term "${commonTerm}"`,
    body: { query: SEARCH, variables: { query: commonTerm } },
  });
  // Each example operation is the text from its `query Name` line to the next one.
  for (const operation of EXAMPLE_OPERATIONS.split(/^(?=query \w+)/m)) {
    const name = /^query (\w+)/.exec(operation)?.[1];
    if (!name) continue;
    // CasePage's default case number is a real letter's; a generated store is asked for its longest case.
    const variables = name === 'CasePage' && caseNumber !== null ? { caseNumber } : undefined;
    cases.push({
      name: `GraphiQL example ${name}${variables ? ` (case ${caseNumber})` : ''}`,
      body: { query: EXAMPLE_OPERATIONS, operationName: name, ...(variables ? { variables } : {}) },
      fromCube: /\b(itemStats|citationCoverage|citedPages|guidelineStats|caseStats)\b/.test(operation),
      engine: EXAMPLE_ITEM_STATS[name],
    });
  }
  return cases;
}

/** What a dashboard asks on first load, for the load test. */
export function dashboardMix(): QueryCase['body'][] {
  return [
    { query: STATS, variables: { groupBy: ['CATEGORY'] } },
    { query: STATS, variables: { groupBy: ['DECISION_YEAR'], filter: { drugClass: ['OPIOID'] } } },
    { query: STATS, variables: { groupBy: ['DRUG_CLASS'], filter: { category: ['PHARMACEUTICAL'] } } },
    { query: STATS, variables: { groupBy: ['CATEGORY', 'DECISION_YEAR'] } },
    { query: EXAMPLE_OPERATIONS, operationName: 'DaysFromDenialToDecision' },
    { query: EXAMPLE_OPERATIONS, operationName: 'GuidelinePagesDecidingMassage' },
    {
      query: `{ items(first: 20, filter: { category: [PHARMACEUTICAL] }) { totalCount edges { node { title decision } } } }`,
    },
  ];
}

const CATEGORIES = [
  'PHARMACEUTICAL',
  'PHYSICAL_MEDICINE',
  'DIAGNOSTIC_IMAGING',
  'SURGERY',
  'DME',
  'INJECTION',
];
const DRUG_CLASSES = [
  'OPIOID',
  'NSAID',
  'MUSCLE_RELAXANT',
  'ANTICONVULSANT',
  'TOPICAL',
  'PROTON_PUMP_INHIBITOR',
];
const SPECIALTIES = [
  'Pain Medicine',
  'Occupational Medicine',
  'Physical Medicine and Rehabilitation',
  'Orthopedic Surgery',
  'Anesthesiology',
  'Internal Medicine',
];
const DIMENSIONS = ['CATEGORY', 'DECISION_YEAR', 'DRUG_CLASS', 'PRIORITY', 'DECISION_MONTH'];

const DAYS_TO_DECISION = `query D($filter: ItemFilter) { caseStats(filter: $filter, groupBy: [DECISION_YEAR]) {
  groups { key { decisionYear } cases daysToDecision { count mean median p90 } } } }`;
const CITED_PAGES = `query P($filter: ItemFilter) { citedPages(filter: $filter, limit: 20) {
  groupCount groups { source guideline page share count overturnRate } } }`;
const MONTHS = `query M($filter: ItemFilter) { timeSeries(filter: $filter, interval: MONTH) {
  buckets { period count overturnRate } undated { count } } }`;
const ITEMS = `query I($filter: ItemFilter) { items(first: 20, filter: $filter) {
  totalCount edges { node { title decision category } } } }`;

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * A dashboard question no earlier request asked: decision dates to the day (2013-2025) plus a random category,
 * drug class or reviewer specialty, so neither the response cache nor coalescing can answer it.
 */
export function uncachedDashboardRequest(random: () => number): QueryCase['body'] {
  const start = Date.UTC(2013, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const a = start + random() * span;
  const b = start + random() * span;
  const filter: Record<string, unknown> = {
    decisionDateFrom: isoDay(Math.min(a, b)),
    decisionDateTo: isoDay(Math.max(a, b)),
  };
  const narrowing = random();
  if (narrowing < 0.4) filter.category = [pick(random, CATEGORIES)];
  else if (narrowing < 0.7) filter.drugClass = [pick(random, DRUG_CLASSES)];
  else if (narrowing < 0.85) filter.reviewerSpecialty = [pick(random, SPECIALTIES)];
  const panel = random();
  if (panel < 0.4) return { query: STATS, variables: { groupBy: [pick(random, DIMENSIONS)], filter } };
  if (panel < 0.55) return { query: DAYS_TO_DECISION, variables: { filter } };
  if (panel < 0.7) return { query: CITED_PAGES, variables: { filter } };
  if (panel < 0.85) return { query: MONTHS, variables: { filter } };
  return { query: ITEMS, variables: { filter } };
}
