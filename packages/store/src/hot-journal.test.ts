import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { goldLetters } from '../test-support/gold-letters.fixture';
import { openStore, writeTransaction } from './client';
import { beginBulkLoad } from './repositories/bulk-load.repository';
import { saveLetters } from './repositories/letter.repository';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

// A writer killed mid-transaction, as `imr ingest` is when its process is killed during a bulk load's batch: it
// has spilled changed pages into the store's file, their originals are in the journal, and nothing committed.
const KILLED_WRITER = `
const Database = require(${JSON.stringify(betterSqlite)});
const db = new Database(process.argv[1]);
db.pragma('journal_mode = TRUNCATE');
db.pragma('cache_size = 4');
db.exec('begin');
db.exec('delete from items');
db.exec('create table spilled (x blob)');
const insert = db.prepare('insert into spilled values (randomblob(2000))');
for (let i = 0; i < 2000; i++) insert.run();
process.kill(process.pid, 'SIGKILL');
`;

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('a store whose writer was killed mid-batch with a rollback journal', () => {
  it('opens read-only with that batch rolled back and every committed letter whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'imr-hot-journal-'));
    const path = join(dir, 'imr.db');
    const writer = await openStore(path);
    beginBulkLoad(writer.sqlite!, process.pid, 'now');
    await writeTransaction(writer, (tx) => saveLetters(tx, goldLetters(), undefined, { deferSearch: true }));
    const items = writer.sqlite!.prepare('select count(*) from items').pluck().get() as number;
    await writer.close();
    expect(items).toBeGreaterThan(0);

    const killed = spawnSync(process.execPath, ['-e', KILLED_WRITER, path]);
    expect(killed.signal).toBe('SIGKILL');
    expect(statSync(`${path}-journal`).size).toBeGreaterThan(0);

    const reader = await openStore(path, { readonly: true });
    try {
      const rows = await reader.db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .execute();
      expect(Number(rows[0]!.n)).toBe(items);
      expect(reader.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
      const spilled = reader.sqlite!.prepare(`select name from sqlite_master where name = 'spilled'`).get();
      expect(spilled).toBeUndefined();
    } finally {
      await reader.close();
    }
    expect(existsSync(`${path}-journal`) ? statSync(`${path}-journal`).size : 0).toBe(0);
  });
});
