import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../client';
import { migrations } from './index';

// A store made before the letter keys became named indexes, with letters in it, migrated as `imr` opens it.

const REBUILD = '2026-12-04T18-00-00-letter-keys-as-named-indexes';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-migration-'));
  path = join(dir, 'imr.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store at the schema before REBUILD, holding two letters and a deleted document. */
async function storeBeforeRebuild(): Promise<void> {
  const sqlite = new SQLite(path);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const before: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(migrations)) if (name < REBUILD) before[name] = migration;
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => before },
  }).migrateToLatest();
  if (error) throw error;
  const document = sqlite.prepare(
    `insert into documents (sha256, source_path, size_bytes, raw_text, ingested_at, parser_version)
     values (?, ?, 1, x'00', 'now', 'v')`,
  );
  for (const n of [1, 2]) {
    document.run(`sha-${n}`, `${n}.txt`);
    sqlite
      .prepare(
        `insert into cases (document_id, letter_key, case_number, format, warnings, item_count, parser_version, summary)
         values (?, ?, ?, 'gold', '[]', 1, 'v', 'a summary')`,
      )
      .run(n, `CM13-${n}`, `CM13-${n}`);
    sqlite
      .prepare(
        `insert into items (case_id, ordinal, title, decision, category, treatment, rationale)
         values (?, 0, 'massage', 'UPHELD', 'PHYSICAL_MEDICINE', 'massage', 'because')`,
      )
      .run(n);
    sqlite.prepare(`insert into diagnoses (case_id, ordinal, text) values (?, 0, 'back pain')`).run(n);
  }
  // The write path fills full text per batch (sqlite-letter.repository.ts).
  sqlite.exec(`insert into case_search (rowid, summary) select id, summary from cases`);
  // A document whose id must not be handed out again.
  document.run('sha-3', '3.txt');
  sqlite.prepare('delete from documents where id = 3').run();
  expect(
    sqlite.prepare(`select name from sqlite_master where name like 'sqlite_autoindex_cases%'`).all(),
  ).toHaveLength(1);
  await db.destroy();
}

describe(`migration ${REBUILD}`, () => {
  it('turns the key constraints into named unique indexes and keeps every row, reference and id', async () => {
    await storeBeforeRebuild();
    const store = await openStore(path);
    try {
      const sqlite = store.sqlite!;
      const names = sqlite
        .prepare(`select name from sqlite_master where tbl_name in ('cases', 'documents')`)
        .pluck();
      expect(names.all()).toEqual(
        expect.arrayContaining([
          'cases_letter_key',
          'documents_sha256',
          'cases_document',
          'cases_ad',
          'cases_au',
        ]),
      );
      expect((names.all() as string[]).filter((n) => n.startsWith('sqlite_autoindex'))).toEqual([]);
      expect(sqlite.prepare('select id, letter_key from cases order by id').all()).toEqual([
        { id: 1, letter_key: 'CM13-1' },
        { id: 2, letter_key: 'CM13-2' },
      ]);
      // The rows that reference cases are untouched: dropping the old table did not cascade.
      expect(sqlite.prepare('select count(*) from items').pluck().get()).toBe(2);
      expect(sqlite.prepare('select count(*) from diagnoses').pluck().get()).toBe(2);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      // Still unique, and a deleted id is not handed out again.
      expect(() =>
        sqlite
          .prepare(
            `insert into cases (document_id, letter_key, format, warnings, item_count, parser_version)
             values (1, 'CM13-1', 'gold', '[]', 0, 'v')`,
          )
          .run(),
      ).toThrow(/UNIQUE/);
      const next = sqlite
        .prepare(
          `insert into documents (sha256, source_path, size_bytes, raw_text, ingested_at, parser_version)
           values ('sha-4', '4.txt', 1, x'00', 'now', 'v')`,
        )
        .run();
      expect(Number(next.lastInsertRowid)).toBe(4);
      // The case search index still follows its table.
      expect(
        sqlite.prepare(`select count(*) from case_search where case_search match 'summary'`).pluck().get(),
      ).toBe(2);
    } finally {
      await store.close();
    }
  });
});
