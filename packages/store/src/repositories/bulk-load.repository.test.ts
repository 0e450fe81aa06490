import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { openStore, type Store, writeTransaction } from '../client';
import { beginBulkLoad, finishBulkLoad, pendingBulkLoad } from './bulk-load.repository';
import { finishBulkLoadAside } from './bulk-load-aside';
import { addIngestRunCounts, getIngestRun, startIngestRun } from './ingest.repository';
import { letterKeyOf, saveLetters } from './letter.repository';
import { LetterKeyTable } from './letter-key-table';

function schemaOf(store: Store): { type: string; name: string; sql: string }[] {
  return store
    .sqlite!.prepare(
      `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null order by name`,
    )
    .all() as { type: string; name: string; sql: string }[];
}

function searchIntegrity(store: Store): string {
  try {
    for (const table of ['item_search', 'case_search']) {
      store.sqlite!.exec(`insert into ${table}(${table}, rank) values ('integrity-check', 1)`);
    }
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

type StoreKind = 'in memory' | 'in a file';

/** An in-memory store runs every deferred statement on its connection; one in a file builds full text aside. */
async function withStore(kind: StoreKind, run: (store: Store) => Promise<void>): Promise<void> {
  const dir = kind === 'in a file' ? mkdtempSync(join(tmpdir(), 'imr-bulk-load-')) : null;
  const store = await openStore(dir ? join(dir, 'imr.db') : ':memory:');
  try {
    await run(store);
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

describe.each<StoreKind>(['in memory', 'in a file'])('bulk load, store %s', (kind) => {
  it('drops the secondary indexes and full-text triggers, then restores exactly the same schema', async () => {
    await withStore(kind, async (store) => {
      const before = schemaOf(store);
      expect(beginBulkLoad(store.sqlite!, 4242, '2026-12-01T00:00:00Z')).toBe(true);
      // An empty store is loaded without syncing to disk, with a rollback journal (a file's; memory's is its
      // own) and no foreign-key checks, and all three come back at the end.
      expect(store.sqlite!.pragma('synchronous', { simple: true })).toBe(0);
      expect(store.sqlite!.pragma('journal_mode', { simple: true })).toBe(
        kind === 'in a file' ? 'truncate' : 'memory',
      );
      expect(store.sqlite!.pragma('foreign_keys', { simple: true })).toBe(0);
      const during = schemaOf(store);
      // What stays: the tables outside the letter rows, and the indexes that find a case's rows to delete them.
      // An empty store has no letter to look up by key.
      expect(during.map((o) => o.name)).not.toContain('cases_letter_key');
      expect(during.map((o) => o.name)).toContain('items_case');
      expect(during.map((o) => o.name)).not.toContain('items_category');
      expect(during.map((o) => o.name)).not.toContain('items_ad');
      expect(during.map((o) => o.name)).toContain('reviewer_specialties_specialty');
      expect(pendingBulkLoad(store.sqlite!)).toMatchObject({
        ownerPid: 4242,
        // Each full-text table: a larger pending-terms buffer, the rebuild, the buffer back to its default.
        statements: before.length - during.length + 6,
      });

      await writeTransaction(store, (tx) => saveLetters(tx, goldLetters(), undefined, { deferSearch: true }));
      expect(searchIntegrity(store)).toMatch(/malformed/);

      expect((await finishBulkLoad(store.sqlite!)).statements).toBe(before.length - during.length + 6);
      expect(schemaOf(store)).toEqual(before);
      expect(store.sqlite!.pragma('synchronous', { simple: true })).toBe(1);
      expect(store.sqlite!.pragma('journal_mode', { simple: true })).toBe(
        kind === 'in a file' ? 'wal' : 'memory',
      );
      expect(store.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
      // What the writer wrote unchecked holds: every reference finds its row.
      expect(store.sqlite!.pragma('foreign_key_check')).toEqual([]);
      expect(pendingBulkLoad(store.sqlite!)).toBeNull();
      expect(searchIntegrity(store)).toBe('ok');
      // Later writes flush their terms as often as FTS5's default says (set back to it, or never changed).
      for (const table of ['item_search', 'case_search']) {
        const hashsize = store.sqlite!.prepare(`select v from ${table}_config where k = 'hashsize'`).get();
        expect([undefined, { v: 2 ** 20 }]).toContainEqual(hashsize);
        // And merge as FTS5's defaults say: the aside build's no-merge settings stay in its scratch file.
        const merging = store
          .sqlite!.prepare(`select k, v from ${table}_config where k in ('automerge', 'crisismerge')`)
          .all();
        expect(merging).toEqual([]);
      }
      // What a file-backed load built aside is gone.
      if (kind === 'in a file') {
        expect(readdirSync(dirname(store.sqlite!.name)).filter((f) => f.includes('.building'))).toEqual([]);
      }
      const hits = store
        .sqlite!.prepare(`select count(*) as n from item_search where item_search match 'guidelines'`)
        .get();
      expect(hits).toEqual({ n: expect.any(Number) });
      expect((hits as { n: number }).n).toBeGreaterThan(0);
    });
  });

  it('does not begin while another is pending, nor on a store with more items than the limit', async () => {
    await withStore(kind, async (store) => {
      expect(beginBulkLoad(store.sqlite!, 1, 'a')).toBe(true);
      const pending = schemaOf(store);
      expect(beginBulkLoad(store.sqlite!, 2, 'b')).toBe(false);
      expect(schemaOf(store)).toEqual(pending);
      expect(pendingBulkLoad(store.sqlite!)?.ownerPid).toBe(1);
      await finishBulkLoad(store.sqlite!);

      await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
      const items = goldLetters().reduce((n, l) => n + l.letter.items.length, 0);
      expect(beginBulkLoad(store.sqlite!, 3, 'c', items - 1)).toBe(false);
      expect(pendingBulkLoad(store.sqlite!)).toBeNull();
      expect(beginBulkLoad(store.sqlite!, 3, 'c', items)).toBe(true);
      // A store holding letters keeps syncing (they must survive a power cut during the load), its log (readers
      // go on reading while it loads) and its foreign-key checks.
      expect(store.sqlite!.pragma('synchronous', { simple: true })).toBe(1);
      expect(store.sqlite!.pragma('journal_mode', { simple: true })).toBe(
        kind === 'in a file' ? 'wal' : 'memory',
      );
      expect(store.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
      // And the indexes that find stored letters and delete them.
      const kept = schemaOf(store).map((o) => o.name);
      expect(kept).toEqual(expect.arrayContaining(['cases_letter_key', 'documents_sha256', 'items_case']));
      expect(kept).not.toContain('items_category');
      await finishBulkLoad(store.sqlite!);
      expect(searchIntegrity(store)).toBe('ok');
    });
  });

  it('keeps deletes of letters stored during the load out of the full-text index until it is rebuilt', async () => {
    await withStore(kind, async (store) => {
      const letters = goldLetters();
      await writeTransaction(store, (tx) => saveLetters(tx, letters.slice(2)));
      beginBulkLoad(store.sqlite!, 1, 'a');
      await writeTransaction(store, (tx) => saveLetters(tx, letters, undefined, { deferSearch: true }));
      // A newer parser re-derives a letter during the load: its old rows are deleted with no trigger to follow.
      const newer = letters.map((l) => ({ ...l, letter: { ...l.letter, parserVersion: 'newer' } }));
      expect(
        await writeTransaction(store, (tx) =>
          saveLetters(tx, newer.slice(0, 2), undefined, { deferSearch: true }),
        ),
      ).toEqual(['updated', 'updated']);
      await finishBulkLoad(store.sqlite!);
      expect(searchIntegrity(store)).toBe('ok');
    });
  });

  it('into an empty store, finds the letters it wrote in the table of keys its writer keeps', async () => {
    await withStore(kind, async (store) => {
      const letters = goldLetters();
      beginBulkLoad(store.sqlite!, 1, 'a');
      const first = letters.find((l) => l.letter.caseNumber)!;
      const sameKey = (text: string, decision: string) => ({
        ...first,
        letter: { ...first.letter, dates: { ...first.letter.dates, decision } },
        document: { ...first.document, sha256: createHash('sha256').update(text).digest('hex') },
      });
      const loadedKeys = new LetterKeyTable();
      const save = async (batch: typeof letters) => {
        const outcomes = await writeTransaction(store, (tx) =>
          saveLetters(tx, batch, undefined, { deferSearch: true, loadedKeys }),
        );
        loadedKeys.commit();
        return outcomes;
      };
      expect(await save(letters)).toEqual(letters.map(() => 'stored'));
      expect(await save([sameKey('earlier', '2001-01-01')])).toEqual(['superseded']);
      expect(await save(letters)).toEqual(letters.map(() => 'already-present'));
      expect(await save([sameKey('later', '2099-01-01')])).toEqual(['updated']);
      const { settled } = await finishBulkLoad(store.sqlite!);
      expect(settled).toEqual({ alreadyPresent: 0, superseded: 0 });
      const decision = store
        .sqlite!.prepare('select date_decision from cases where letter_key = ?')
        .pluck()
        .get(first.letter.caseNumber);
      expect(decision).toBe('2099-01-01');
      const count = (table: string) => store.sqlite!.prepare(`select count(*) from ${table}`).pluck().get();
      expect([count('cases'), count('documents')]).toEqual([letters.length, letters.length]);
      expect(store.sqlite!.pragma('foreign_key_check')).toEqual([]);
      expect(searchIntegrity(store)).toBe('ok');
    });
  });

  it('into an empty store, keeps one letter per key at the finish when the writer did not know them', async () => {
    await withStore(kind, async (store) => {
      const letters = goldLetters();
      const before = schemaOf(store);
      const runId = await startIngestRun(store.db, { startedAt: 'now', parserVersion: 'gold' });
      beginBulkLoad(store.sqlite!, 1, 'a');
      // The same letters twice, and a letter that shares the first one's key: an earlier decision, then a later.
      const first = letters.find((l) => l.letter.caseNumber);
      const sameKey = (text: string, decision: string) => ({
        ...first!,
        letter: { ...first!.letter, dates: { ...first!.letter.dates, decision } },
        document: { ...first!.document, sha256: createHash('sha256').update(text).digest('hex') },
      });
      const batches = [
        letters,
        [sameKey('earlier', '2001-01-01')],
        letters,
        [sameKey('later', '2099-01-01')],
      ];
      const loaded = batches.flat();
      // Nothing is looked up during the load: every letter of every batch is written.
      for (const batch of batches) {
        const outcomes = await writeTransaction(store, (tx) =>
          saveLetters(tx, batch, undefined, { deferSearch: true }),
        );
        expect(outcomes).toEqual(batch.map(() => 'stored'));
      }
      await addIngestRunCounts(store.db, runId, {
        filesSeen: loaded.length,
        stored: loaded.length,
        alreadyPresent: 0,
        updated: 0,
        superseded: 0,
        rejected: 0,
      });
      const { settled } = await finishBulkLoad(store.sqlite!);
      // That key keeps the later decision: both copies of the gold letter and the earlier one are superseded.
      expect(settled).toEqual({ alreadyPresent: letters.length - 1, superseded: 3 });
      expect(await getIngestRun(store.db, runId)).toMatchObject({
        stored: letters.length,
        alreadyPresent: letters.length - 1,
        superseded: 3,
      });
      const cases = store
        .sqlite!.prepare('select letter_key as key, date_decision as decision from cases order by letter_key')
        .all() as { key: string; decision: string }[];
      expect(cases.map((c) => c.key)).toEqual(
        letters.map((l) => letterKeyOf(l.letter, l.document.sha256)).sort(),
      );
      expect(cases.find((c) => c.key === first!.letter.caseNumber)?.decision).toBe('2099-01-01');
      const rows = (table: string) =>
        (store.sqlite!.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      const items = letters.reduce((n, l) => n + l.letter.items.length, 0);
      expect([rows('documents'), rows('items')]).toEqual([letters.length, items]);
      expect(schemaOf(store)).toEqual(before);
      expect(store.sqlite!.pragma('foreign_key_check')).toEqual([]);
      expect(searchIntegrity(store)).toBe('ok');
    });
  });
});

describe('bulk load into an empty store in a file, when another writer committed letters twice', () => {
  it('settles in the finishing transaction, after the full text is copied in, then builds the key indexes', async () => {
    // Another process writes without the load's table of keys (test/concurrent-ingest.test.ts met such a letter
    // as "UNIQUE constraint failed: cases.letter_key"); the full text is built aside from every row, the second
    // copies included, so their deletes must reach it through the triggers.
    await withStore('in a file', async (store) => {
      const letters = goldLetters();
      const before = schemaOf(store);
      beginBulkLoad(store.sqlite!, 1, 'a');
      const write = () =>
        writeTransaction(store, (tx) => saveLetters(tx, letters, undefined, { deferSearch: true }));
      await write();
      await write();
      const { statements, settled } = await finishBulkLoadAside(store.sqlite!.name, {
        synchronous: 1,
        cacheKib: 2048,
      });
      expect(statements).toBeGreaterThan(0);
      expect(settled).toEqual({ alreadyPresent: letters.length, superseded: 0 });
      const rows = (table: string) =>
        (store.sqlite!.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      const items = letters.reduce((n, l) => n + l.letter.items.length, 0);
      expect([rows('cases'), rows('documents'), rows('items')]).toEqual([
        letters.length,
        letters.length,
        items,
      ]);
      expect(schemaOf(store)).toEqual(before);
      expect(pendingBulkLoad(store.sqlite!)).toBeNull();
      expect(store.sqlite!.pragma('foreign_key_check')).toEqual([]);
      expect(searchIntegrity(store)).toBe('ok');
      expect(rows('item_search')).toBe(items);
    });
  });
});

describe('bulk load of a store in a file, when building full text aside fails', () => {
  it('rolls the whole finish back: the indexes unbuilt, the note of what is left kept, no scratch file left', async () => {
    await withStore('in a file', async (store) => {
      const sqlite = store.sqlite!;
      expect(beginBulkLoad(sqlite, 1, 'a')).toBe(true);
      await writeTransaction(store, (tx) => saveLetters(tx, goldLetters(), undefined, { deferSearch: true }));
      const during = schemaOf(store);
      const pending = pendingBulkLoad(sqlite);
      // The aside build reads `items.rationale`; nothing else the finish runs does.
      sqlite.exec('alter table items rename column rationale to rationale_gone');
      await expect(finishBulkLoad(sqlite)).rejects.toThrow(
        /building item_search in .*imr\.db-item_search\.building failed: no such column: rationale/,
      );
      expect(schemaOf(store)).toEqual(during);
      expect(pendingBulkLoad(sqlite)).toEqual(pending);
      expect(readdirSync(dirname(sqlite.name)).filter((f) => f.includes('.building'))).toEqual([]);

      sqlite.exec('alter table items rename column rationale_gone to rationale');
      await finishBulkLoad(sqlite);
      expect(pendingBulkLoad(sqlite)).toBeNull();
      expect(searchIntegrity(store)).toBe('ok');
    });
  });
});

describe('bulk load into an empty store another connection has open', () => {
  it('keeps the write-ahead log (leaving it needs the store to itself) and loads all the same', async () => {
    await withStore('in a file', async (store) => {
      const reader = await openStore(store.sqlite!.name, { readonly: true });
      try {
        // The reader has read, so it holds the log open.
        expect(await reader.db.selectFrom('cases').select('id').execute()).toEqual([]);
        const started = Date.now();
        expect(beginBulkLoad(store.sqlite!, 1, 'a')).toBe(true);
        // Without waiting for the reader (the writer's busy timeout is a minute).
        expect(Date.now() - started).toBeLessThan(5000);
        expect(store.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
        await writeTransaction(store, (tx) =>
          saveLetters(tx, goldLetters(), undefined, { deferSearch: true }),
        );
        await finishBulkLoad(store.sqlite!);
        expect(searchIntegrity(store)).toBe('ok');
        const cases = await reader.db.selectFrom('cases').select('id').execute();
        expect(cases).toHaveLength(goldLetters().length);
      } finally {
        await reader.close();
      }
    });
  });
});
