import { openStore, type Store } from '@imr/store/client';
import { SqliteReadPool } from '@imr/store/sqlite-read-pool';
import { type GoldStoreFile, goldStoreFile } from '@imr/store/test-support/gold-store-file';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../yoga';

// A nested page waits on each level's reads before it can ask the next; on a read-only SQLite store every
// statement sent to the read pool is a round trip to another process. Reads a letter bounds (a case by number,
// its diagnoses and items, their body regions and citations, entities by id) run on the main thread's
// connection instead; only reads that grow with the store (a reviewer's decisions) go to the pool.

const CASE_PAGE = `query CasePage($caseNumber: String!) {
  case(caseNumber: $caseNumber) {
    caseNumber diagnoses
    reviewer { specialties }
    document { sha256 }
    items(first: 20) {
      totalCount
      edges { node {
        title bodyRegions
        citations(first: 20) { totalCount edges { node { pages guideline { source name } } } }
      } }
    }
  }
}`;

let file: GoldStoreFile;
let store: Store;

beforeAll(async () => {
  file = await goldStoreFile();
  store = await openStore(file.path, { readonly: true });
});

afterAll(async () => {
  await store?.close();
  file?.remove();
});

/** The answer of a fresh app over the gold store; `T` is the shape of its data. */
async function ask<T>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: unknown }> {
  const app = buildApp({ db: store.db, dialect: store.dialect });
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown };
}

describe('reads a letter bounds, on a read-only SQLite store', () => {
  it('run on the main connection: a case page sends nothing to the read pool, a reviewer total does', async () => {
    const pooled = vi.spyOn(SqliteReadPool.prototype, 'run');
    try {
      const variables = { caseNumber: 'CM14-0166055' };
      const page = await ask<{ case: { items: { totalCount: number } } }>(CASE_PAGE, variables);
      expect(page.errors).toBeUndefined();
      expect(page.data?.case.items.totalCount).toBeGreaterThan(0);
      expect(pooled.mock.calls.map(([sql]) => sql)).toEqual([]);

      await ask(
        'query T($caseNumber: String!) { case(caseNumber: $caseNumber) { reviewer { stats { count } } } }',
        variables,
      );
      expect(pooled.mock.calls.map(([sql]) => sql)).toEqual([expect.stringContaining('"reviewer_id" in')]);
    } finally {
      pooled.mockRestore();
    }
  });

  it('an unfiltered list of cases is an index range scan, read on the main connection; a filtered one is pooled', async () => {
    const pooled = vi.spyOn(SqliteReadPool.prototype, 'run');
    try {
      for (const order of ['DECISION_DATE_DESC', 'DECISION_DATE_ASC', 'CASE_NUMBER_ASC', 'INGESTED_DESC']) {
        const page = await ask<{ cases: { edges: unknown[] } }>(
          `{ cases(first: 3, orderBy: ${order}) { edges { node { caseNumber } } } }`,
        );
        expect(page.errors).toBeUndefined();
        expect(page.data?.cases.edges).toHaveLength(3);
      }
      expect(pooled.mock.calls.map(([sql]) => sql)).toEqual([]);

      const filtered = await ask(
        '{ cases(first: 3, filter: { priority: [STANDARD] }) { edges { node { caseNumber } } } }',
      );
      expect(filtered.errors).toBeUndefined();
      // One statement per segment of the ordering it reaches (dated cases, then undated ones).
      const statements = pooled.mock.calls.map(([sql]) => sql);
      expect(statements.length).toBeGreaterThan(0);
      for (const sql of statements) expect(sql).toContain('from "cases" where "cases"."priority" in');
    } finally {
      pooled.mockRestore();
    }
  });
});
