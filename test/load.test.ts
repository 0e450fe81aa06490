import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../bench/sections/load.bench';
import { startServer } from '../bench/sections/server-process';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { openStore } from '../packages/store/src/client';

// The short form of `pnpm loadtest`: 20 clients for 3 s against a real `imr serve` over the seed letters must see
// no error. Throughput figures live in the benchmark, not here.

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-load-'));
  dbPath = join(dir, 'imr.db');
  const store = await openStore(dbPath);
  await ingestFiles({ store, paths: [join(import.meta.dirname, 'fixtures/letters')], threads: 1 });
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('load (short form)', () => {
  it('serves the dashboard mix to 20 concurrent clients for 3 s without an error', async () => {
    const result = await runLoad(dbPath, 3, 20);
    expect(result.total).toBeGreaterThan(20);
    expect(result.errors).toBe(0);
  });
});

describe('killing the server mid-load', () => {
  it('loses nothing: the store passes integrity_check and keeps its counts', async () => {
    const count = () => {
      const db = new SQLite(dbPath, { readonly: true });
      try {
        return {
          integrity: (db.prepare('pragma integrity_check').get() as { integrity_check: string })
            .integrity_check,
          cases: (db.prepare('select count(*) as n from cases').get() as { n: number }).n,
          items: (db.prepare('select count(*) as n from items').get() as { n: number }).n,
        };
      } finally {
        db.close();
      }
    };
    const before = count();
    const server = await startServer(dbPath);
    const load = autocannon({
      url: server.url,
      connections: 10,
      duration: 3,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ itemStats(groupBy: [CATEGORY]) { groups { count } } }' }),
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 1000));
    server.kill();
    await load;
    expect(count()).toEqual({ ...before, integrity: 'ok' });
    expect(before).toMatchObject({ cases: 5, items: 9 });
  });
});
