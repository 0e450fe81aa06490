import { openStore, type Store } from '@imr/store/client';
import { type GoldStoreFile, goldStoreFile } from '@imr/store/test-support/gold-store-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../yoga';

// The limit is 50,000: a default of 60,000 is over it, a page of 10 is not.
const PAGE = 'query Page($n: Int = 60000, $f: ItemFilter) { items(first: $n, filter: $f) { totalCount } }';

interface Answer {
  errors?: { extensions?: { code?: string } }[];
  extensions?: { cost?: { requested: number } };
}

let file: GoldStoreFile;
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
  file = await goldStoreFile();
  store = await openStore(file.path, { readonly: true });
  app = buildApp({ db: store.db, dialect: store.dialect });
});

afterAll(async () => {
  await store?.close();
  file?.remove();
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
