import { EXAMPLE_OPERATIONS } from '../../packages/server/src/graphiql/example-operations';

export interface QueryCase {
  name: string;
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
  /**
   * Answered by the server's in-memory item cube (itemStats, citationCoverage); the in-process capture of the
   * direct-SQL baseline has no cube, so it runs the SQL path.
   */
  fromCube?: boolean;
}

const STATS = `query S($filter: ItemFilter, $groupBy: [ItemDimension!]) {
  itemStats(filter: $filter, groupBy: $groupBy) {
    total { count overturned overturnRate }
    groups { key { category decisionYear drugClass priority } count upheld overturned overturnRate overturnRateInterval { low high } }
  }
}`;

const FILTER = { decisionDateFrom: '2018-01-01', priority: ['STANDARD'] };

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

const SEARCH = `query Search($query: String!) { search(query: $query, first: 20) { rankedAll edges { node { title snippet score } } } }`;

/** The operations the issue names: itemStats with 1-3 dimensions ± filter, a nested page, search rare/common. */
export function queryWorkload(rareTerm: string, commonTerm: string): QueryCase[] {
  const dims = [['CATEGORY'], ['CATEGORY', 'DECISION_YEAR'], ['CATEGORY', 'DECISION_YEAR', 'DRUG_CLASS']];
  const cases: QueryCase[] = [];
  for (const groupBy of dims) {
    cases.push({
      name: `itemStats ${groupBy.length} dim`,
      body: { query: STATS, variables: { groupBy } },
      fromCube: true,
    });
    cases.push({
      name: `itemStats ${groupBy.length} dim + filter`,
      body: { query: STATS, variables: { groupBy, filter: FILTER } },
      fromCube: true,
    });
  }
  cases.push({
    name: 'nested: 100 cases → items → citations → guideline, reviewer',
    body: { query: NESTED },
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
    cases.push({
      name: `GraphiQL example ${name}`,
      body: { query: EXAMPLE_OPERATIONS, operationName: name },
      fromCube: /\b(itemStats|citationCoverage)\b/.test(operation),
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
