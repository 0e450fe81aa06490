import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '@imr/ingest/ingest-files';
import { openStore, type Store } from '@imr/store/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../yoga';

const LETTERS = join(import.meta.dirname, '../../../../test/fixtures/letters');
// The limit is 50,000: a default of 60,000 is over it, a page of 10 is not.
const PAGE = 'query Page($n: Int = 60000, $f: ItemFilter) { items(first: $n, filter: $f) { totalCount } }';

interface Answer {
  errors?: { extensions?: { code?: string } }[];
  extensions?: { cost?: { requested: number } };
}

let dir: string;
let store: Store;
let app: ReturnType<typeof buildApp>;

async function ask(variables: Record<string, unknown>): Promise<Answer> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PAGE, variables }),
  });
  return (await response.json()) as Answer;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-query-cost-'));
  const dbPath = join(dir, 'imr.db');
  const writer = await openStore(dbPath);
  await ingestFiles({ store: writer, paths: [LETTERS], threads: 1 });
  await writer.close();
  store = await openStore(dbPath, { readonly: true });
  app = buildApp({ db: store.db, dialect: store.dialect });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the remembered cost of an operation', () => {
  it('follows the variables the cost reads, and not the others', async () => {
    expect((await ask({ n: 10, f: { category: ['DME'] } })).extensions?.cost?.requested).toBe(10);
    expect((await ask({ n: 10, f: { category: ['SURGERY'] } })).extensions?.cost?.requested).toBe(10);
    expect((await ask({ n: 7 })).extensions?.cost?.requested).toBe(7);
  });

  it('keys an absent variable (its default applies) apart from a null one', async () => {
    const explicitNull = await ask({ n: null });
    expect(explicitNull.errors).toBeUndefined();
    const absent = await ask({});
    expect(absent.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
  });

  it('does not remember an operation whose variables did not fit, so the limit still holds after it', async () => {
    const unfit = await ask({ n: 60_000, f: { category: ['NOT_A_CATEGORY'] } });
    expect(unfit.errors?.length).toBeGreaterThan(0);
    const over = await ask({ n: 60_000, f: { category: ['DME'] } });
    expect(over.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
  });
});
