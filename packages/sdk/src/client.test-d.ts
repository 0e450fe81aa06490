import { describe, expectTypeOf, it } from 'vitest';
import { createImrClient } from './client.js';
import { graphql } from './generated/gql.js';
import type {
  CaseQuery,
  Category,
  DrugClass,
  ItemStatsQuery,
  ItemStatsQueryVariables,
  ItemsQuery,
} from './generated/graphql.js';

// Compile-time proofs: vitest typechecks this file (the sdk project has typecheck enabled), so a method that
// loses its types, or a wrong variable that compiles, fails the run.

const client = createImrClient({ url: 'http://localhost:4000/graphql' });

describe('operation methods', () => {
  it('type itemStats variables and result', async () => {
    expectTypeOf(client.itemStats).parameter(0).toEqualTypeOf<ItemStatsQueryVariables | undefined>();
    const stats = await client.itemStats({ groupBy: ['CATEGORY', 'DECISION_YEAR'], minCount: 1 });
    expectTypeOf(stats).toEqualTypeOf<ItemStatsQuery>();
    const group = stats.itemStats.groups[0]!;
    expectTypeOf(group.key.category).toEqualTypeOf<Category | null>();
    expectTypeOf(group.key.drugClass).toEqualTypeOf<DrugClass | null>();
    expectTypeOf(group.overturnRate).toEqualTypeOf<number | null>();
    expectTypeOf(group.overturnRateInterval).toEqualTypeOf<{ low: number; high: number } | null>();
    expectTypeOf(stats.itemStats.total.count).toEqualTypeOf<number>();
  });

  it('reject a wrong variable', () => {
    // @ts-expect-error: NOT_A_DIMENSION is not an ItemDimension
    void client.itemStats({ groupBy: ['NOT_A_DIMENSION'] });
    // @ts-expect-error: minCount is an Int
    void client.itemStats({ minCount: 'five' });
    // @ts-expect-error: there is no such filter field
    void client.items({ filter: { colour: ['red'] } });
    // @ts-expect-error: category takes Category values
    void client.items({ filter: { category: ['MASSAGE'] } });
  });

  it('require the variables an operation requires, and only those', async () => {
    // @ts-expect-error: Case needs its caseNumber
    void client.case();
    // @ts-expect-error: Search needs its query
    void client.search({ first: 5 });
    const found = await client.case({ caseNumber: 'CM14-0166055' });
    expectTypeOf(found).toEqualTypeOf<CaseQuery>();
    expectTypeOf(found.case).toBeNullable();
    expectTypeOf(client.items).toBeCallableWith();
    expectTypeOf(client.cases).toBeCallableWith({ filter: { priority: ['EXPEDITED'] }, first: 10 });
  });

  it('type list results down to the node', async () => {
    const page = await client.items({ filter: { category: ['PHARMACEUTICAL'] }, first: 10 });
    expectTypeOf(page).toEqualTypeOf<ItemsQuery>();
    const node = page.items.edges[0]!.node;
    expectTypeOf(node.title).toEqualTypeOf<string>();
    expectTypeOf(node.case.caseNumber).toEqualTypeOf<string | null>();
    expectTypeOf(page.items.pageInfo.endCursor).toEqualTypeOf<string | null>();
  });
});

describe('walkers', () => {
  it('yield typed nodes and take the list variables without after', async () => {
    for await (const item of client.walk.items({ filter: { decision: ['OVERTURNED'] } })) {
      expectTypeOf(item).toEqualTypeOf<ItemsQuery['items']['edges'][number]['node']>();
    }
    for await (const c of client.walk.cases()) {
      expectTypeOf(c.caseNumber).toEqualTypeOf<string | null>();
    }
    // @ts-expect-error: the walker owns the cursor
    void client.walk.items({ after: 'abc' });
    // @ts-expect-error: search walks need a query
    void client.walk.search();
  });
});

describe('custom documents', () => {
  it('carry their types through request', async () => {
    const document =
      graphql(`query Cases($filter: CaseFilter, $orderBy: CaseOrder, $first: Int, $after: String) {
  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageCursor
    }
    edges {
      node {
        ...CaseRow
      }
    }
  }
}`);
    const result = await client.request(document, { first: 2 });
    expectTypeOf(result.cases.totalCount).toEqualTypeOf<number>();
    const untyped = await client.request<{ cases: { totalCount: number } }>('{ cases { totalCount } }');
    expectTypeOf(untyped.cases.totalCount).toEqualTypeOf<number>();
  });
});
