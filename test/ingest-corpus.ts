import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../packages/store/src/client';

// Support for the ingest end-to-end tests: bulk input made from the seed letters (each copy a distinct letter:
// a new case number where the seed has one, a distinct closing line otherwise), and table counts.

export const SEED_DIR = join(import.meta.dirname, 'fixtures/letters');

export function seedTexts(): string[] {
  return readdirSync(SEED_DIR)
    .sort()
    .map((f) => readFileSync(join(SEED_DIR, f), 'utf8'));
}

/** Writes `count` distinct letters into `dir`, `perFolder` to a subfolder; returns their paths. */
export function writeVariedLetters(dir: string, count: number, perFolder = 250): string[] {
  const seeds = seedTexts();
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `batch-${String(Math.floor(i / perFolder)).padStart(3, '0')}`);
    if (i % perFolder === 0) mkdirSync(folder, { recursive: true });
    const seed = seeds[i % seeds.length]!;
    const text = `${seed.replace(/CM14-\d{7}/g, `CM14-${String(5_000_000 + i)}`)}\n\nCopy ${i} of the seed letter.\n`;
    const path = join(folder, `letter-${i}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}

const COUNTED_TABLES = [
  'documents',
  'cases',
  'items',
  'diagnoses',
  'citations',
  'citation_pages',
  'item_body_regions',
  'guidelines',
  'reviewers',
  'item_search',
  'case_search',
] as const;

/** Row counts of every letter table and the full-text indexes of a SQLite store file. */
export async function tableCounts(dbPath: string): Promise<Record<string, number>> {
  const store = await openStore(dbPath, { readonly: true });
  try {
    const sqlite = store.sqlite!;
    return Object.fromEntries(
      COUNTED_TABLES.map((t) => [
        t,
        (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n,
      ]),
    );
  } finally {
    await store.close();
  }
}

/** Runs one query on a SQLite store file, read-only (PRAGMA integrity_check, duplicate checks...). */
export async function queryStore<T>(dbPath: string, query: string): Promise<T[]> {
  const store = await openStore(dbPath, { readonly: true });
  try {
    return store.sqlite!.prepare(query).all() as T[];
  } finally {
    await store.close();
  }
}

/** FTS5's own check of both full-text indexes against their tables: 'ok', or what is wrong. */
export async function searchIndexIntegrity(dbPath: string): Promise<string> {
  const store = await openStore(dbPath);
  try {
    for (const table of ['item_search', 'case_search']) {
      store.sqlite!.exec(`insert into ${table}(${table}, rank) values ('integrity-check', 1)`);
    }
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await store.close();
  }
}
