import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLetter } from '@imr/generator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareLetter } from '../packages/ingest/src/prepare-letter';
import { buildApp } from '../packages/server/src/yoga';
import { openStore, type Store, writeTransaction } from '../packages/store/src/client';
import { saveLetters } from '../packages/store/src/repositories/letter.repository';

// The API's per-operation time limit, end to end: an operation whose SQL outlives the limit is stopped inside
// SQLite and answers TIME_LIMIT_EXCEEDED, and the same server then answers normal queries.

const HEAVY = `{
  a: itemStats(groupBy: [CATEGORY, DECISION_YEAR, DRUG_CLASS]) { groups { count overturnRate } }
  b: caseStats(groupBy: [DECISION_YEAR]) { groups { cases daysToDecision { count } } }
  c: guidelineStats { groups { count } }
  d: citedPages { groups { count } }
}`;

let dir: string;
let reader: Store;

async function post(app: ReturnType<typeof buildApp>, query: string) {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; limitMs?: number } }[];
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-time-limit-'));
  const path = join(dir, 'imr.db');
  const writer = await openStore(path);
  const letters = Array.from({ length: 1500 }, (_, i) => {
    const { text } = generateLetter(11, i);
    const prepared = prepareLetter(text, { path: `generated/${i}.txt`, sizeBytes: text.length });
    if (!prepared.ok) throw new Error(`generated letter ${i} did not parse: ${prepared.reason}`);
    return prepared.save;
  });
  await writeTransaction(writer, (tx) => saveLetters(tx, letters));
  await writer.close();
  reader = await openStore(path, { readonly: true });
}, 60_000);

afterAll(async () => {
  await reader.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the per-operation time limit', () => {
  it('stops SQL that outlives it with TIME_LIMIT_EXCEEDED, and the server goes on answering', async () => {
    const strict = buildApp({ db: reader.db, dialect: reader.dialect, timeLimitMs: 1 });
    // The server logs each stopped statement (with its stack) for its operator; held here to keep the output clean.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stopped = await post(strict, HEAVY);
    const log = logged.mock.calls.flat().map(String).join('\n');
    logged.mockRestore();
    expect(log).toMatch(/time limit/);
    const codes = (stopped.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['TIME_LIMIT_EXCEEDED']));
    expect(stopped.errors?.[0]?.message).toMatch(/time limit/);
    expect(stopped.errors?.[0]?.extensions?.limitMs).toBe(1);

    const relaxed = buildApp({ db: reader.db, dialect: reader.dialect });
    const answered = await post(relaxed, HEAVY);
    expect(answered.errors).toBeUndefined();
    const groups = (answered.data?.a as { groups?: unknown[] } | undefined)?.groups ?? [];
    expect(groups.length).toBeGreaterThan(5);
  });
});
