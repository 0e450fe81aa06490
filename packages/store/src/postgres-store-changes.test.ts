import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { goldLetters } from '../test-support/gold-letters.fixture';
import { describeEachBackend, TEST_PG_URL, type TestBackend } from '../test-support/test-store';
import { openStore, splitSchemaParam, writeTransaction } from './client';
import { PostgresStoreChanges, storeChangedChannel } from './postgres-store-changes';
import { saveLetters } from './repositories/letter.repository';
import { readStoreVersion } from './repositories/store-version.repository';

// PostgreSQL only: SQLite's readers have data_version. The suite helper is used for its PostgreSQL copy (fresh
// schemas, required under CI); its SQLite copy has nothing to test.

async function terminate(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

/** A change feed on a fresh store of `backend`, its probes sent by `probe`. */
async function feedOn(
  backend: TestBackend,
  probe: (channel: string, payload: string) => Promise<unknown>,
  applicationName?: string,
): Promise<PostgresStoreChanges> {
  const { url, schema } = splitSchemaParam(await backend.freshTarget());
  return new PostgresStoreChanges(
    { connectionString: url, application_name: applicationName, options: `-c search_path=${schema}` },
    storeChangedChannel(schema ?? 'public') ?? '',
    probe,
  );
}

describeEachBackend('PostgreSQL change feed', (backend) => {
  if (backend.dialect !== 'postgres') {
    it('is not used by SQLite stores', async () => {
      const store = await backend.open({ readonly: true });
      expect(await readStoreVersion(store.db, store.dialect)).toMatch(/^s\d+$/);
      await store.close();
    });
    return;
  }

  it("answers a read-only store's version from notifications, moving with each commit and only then", async () => {
    const target = await backend.freshTarget();
    const reader = await openStore(target, { readonly: true });
    const writer = await openStore(target);
    try {
      const before = await readStoreVersion(reader.db, reader.dialect);
      expect(before).toMatch(/^n\d+$/);
      await writeTransaction(writer, (tx) => saveLetters(tx, goldLetters().slice(0, 2)));
      const after = await vi.waitFor(
        async () => {
          const version = await readStoreVersion(reader.db, reader.dialect);
          expect(version).not.toBe(before);
          return version;
        },
        { timeout: 5_000, interval: 10 },
      );
      // Other schemas' commits (parallel test files on this database) do not move it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await readStoreVersion(reader.db, reader.dialect)).toBe(after);
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('withholds its count while its connection is lost, and moves on once it is back', async () => {
    const applicationName = `imr-changes-test-${randomBytes(4).toString('hex')}`;
    const probes = new pg.Pool({ connectionString: TEST_PG_URL, max: 1 });
    const feed = await feedOn(
      backend,
      (to, payload) => probes.query('select pg_notify($1, $2)', [to, payload]),
      applicationName,
    );
    try {
      expect(await feed.start()).toBe(true);
      const seen = feed.version();
      expect(seen).toEqual(expect.any(Number));
      expect(await terminate(applicationName)).toBe(1);
      await vi.waitFor(() => expect(feed.version()).toBeNull(), { timeout: 5_000, interval: 10 });
      // Back after its first retry (a second), counting the commits it may have missed as one.
      const back = await vi.waitFor(
        () => {
          const version = feed.version();
          expect(version).not.toBeNull();
          return version;
        },
        { timeout: 8_000, interval: 50 },
      );
      expect(back).toBeGreaterThan(seen ?? 0);
    } finally {
      await feed.close();
      await probes.end();
    }
  });

  it('vouches for nothing while its probes do not come back (a pooler that takes LISTEN and never delivers)', async () => {
    const feed = await feedOn(backend, async () => {});
    try {
      expect(await feed.start()).toBe(true);
      expect(feed.version()).toBeNull();
    } finally {
      await feed.close();
    }
  });

  it('does not start on a store without the notifying triggers, whose commits it would miss', async () => {
    const target = await backend.freshTarget();
    const { url, schema } = splitSchemaParam(target);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(
        `drop trigger cases_store_changed on ${pg.escapeIdentifier(schema ?? 'public')}.cases`,
      );
    } finally {
      await admin.end();
    }
    const reader = await openStore(target, { readonly: true });
    try {
      // The version is read from the store instead.
      expect(await readStoreVersion(reader.db, reader.dialect)).toMatch(/^p/);
    } finally {
      await reader.close();
    }
  });
});

describe('storeChangedChannel', () => {
  it("names the schema's channel, or none when the name would pass PostgreSQL's 63 bytes", () => {
    expect(storeChangedChannel('imr_test_1_ab')).toBe('imr:imr_test_1_ab');
    expect(storeChangedChannel('s'.repeat(59))).toBe(`imr:${'s'.repeat(59)}`);
    expect(storeChangedChannel('s'.repeat(60))).toBeNull();
  });
});
