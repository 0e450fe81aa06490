import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { warmItemCube } from '../../packages/analytics/src/item-cube-snapshot';
import { buildApp } from '../../packages/server/src/yoga';
import { openStore } from '../../packages/store/src/client';
import type { Reader } from '../../packages/store/src/repositories/keyset';
import { registerSqliteFunctions } from '../../packages/store/src/sqlite-functions';
import { type BenchFigure, type BenchSection, median, percentile } from '../bench-types';
import { type BareServer, startBareHttpServer } from './bare-server-process';
import { type HttpTimerSession, startHttpTimer } from './http-timer-session';
import { interleavedSamples, type SampleSource } from './interleaved-samples';
import { type QueryCase, queryWorkload } from './query-workload';
import { withWarmServer } from './server-process';

interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/**
 * A rare term (the first word of the least-disputed drug) and the most common of a few words every rationale
 * tends to use. Cheap at any size: a grouped index scan and a few posting-list counts, where asking fts5vocab
 * for document counts would read the whole full-text index.
 */
function pickTerms(dbPath: string): { rare: string; common: string } {
  const db = new SQLite(dbPath, { readonly: true });
  try {
    const drug = db
      .prepare(
        `select drug_generic as name from items where drug_generic is not null
          group by drug_generic order by count(*), drug_generic limit 1`,
      )
      .get() as { name: string } | undefined;
    const rare = drug?.name.toLowerCase().match(/[a-z]{4,}/)?.[0] ?? 'cervicobrachial';
    const count = db.prepare('select count(*) as n from item_search where item_search match ?');
    let common = 'medical';
    let most = -1;
    for (const word of ['medical', 'patient', 'treatment', 'guidelines', 'request', 'pain']) {
      const n = (count.get(`"${word}"`) as { n: number }).n;
      if (n > most) {
        most = n;
        common = word;
      }
    }
    return { rare, common };
  } finally {
    db.close();
  }
}

/** The case with the most items (CasePage asks for it: a page of items with their citations, not a miss). */
async function longestCase(target: string): Promise<string | null> {
  const store = await openStore(target, { readonly: true });
  try {
    const row = await store.db
      .selectFrom('cases')
      .select('caseNumber')
      .where('caseNumber', 'is not', null)
      .orderBy('itemCount', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.caseNumber ?? null;
  } finally {
    await store.close();
  }
}

/**
 * What a cube answer costs the cube itself: the repository call the resolver makes, in-process, on a store whose
 * cube is built (the server's is too when the timing starts), so HTTP is held to the cube's work, not to the SQL
 * it skips.
 */
async function engineSamples(
  reader: Reader,
  work: (reader: Reader) => Promise<unknown>,
): Promise<SampleSource> {
  await work(reader);
  return {
    block: async (count) => {
      const ms: number[] = [];
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        await work(reader);
        ms.push(performance.now() - t);
      }
      return ms;
    },
  };
}

/** The target for HTTP over the work underneath: at most twice, for every timed query. */
const RATIO_TARGET = '<= 2';

// A figure gets its samples, or as many as fit in the budget (at least MIN_SAMPLES): the SQL path of an
// itemStats over two million letters takes seconds a run.
const SAMPLING_BUDGET_MS = 20_000;
const MIN_SAMPLES = 5;

/**
 * A query's first requests to a server that has not seen it: graphql-jit compiles the operation on the first,
 * and V8 optimises the compiled code over the next hundreds (a nested page of 100 cases at 100k letters: 140,
 * 44, 35... ms, 15.5 ms after 20 requests, 9.7 ms after 300). The p50 of these first ones is reported, not
 * scored: what a notebook that asks once meets.
 */
const WARMUP_REQUESTS = 20;
/** ...or fewer, when the query is slow: warming never takes longer than this. */
const WARMUP_BUDGET_MS = 3_000;

/**
 * Untimed requests between the warm-up and the timed ones: an API's clients (a dashboard, an app) repeat their
 * operations, so the scored p50 is the server's steady state for the operation, reached after hundreds of them
 * (`{ __typename }` on a fresh server, 20 then 120 timed, five times over: 1.39 ms p50, then 0.99-1.15 ms) and,
 * for a page of several levels, about a thousand: on a fresh server at 100k letters, p50s of successive blocks of
 * 200 requests read 3.55, 3.51, 3.65, then 2.32 ms from request 821 on (CasePage), 2.37, 2.03, 2.05, 1.98, then
 * 1.82 ms from 1,021 (20 items) (2026-12-05). The budget keeps a slow query (seconds a run at 2M letters) from
 * holding the section up.
 */
const SETTLE_REQUESTS = 1_000;
const SETTLE_BUDGET_MS = 5_000;

/**
 * Requests the timing client sends to Node's bare HTTP server (bare-server-process.ts) before the first to ours
 * (http-timer.mjs): a fresh Node client's fetch is slow until V8 has optimised it, and that cost is the client's.
 */
const CLIENT_WARMUP_REQUESTS = 2_000;

interface HttpTimings {
  /** The warm-up requests (the first, which opens the connection, left out). */
  warmup: number[];
  /** The timed requests after them. */
  steady: number[];
}

const HTTP_TIMER = join(import.meta.dirname, 'http-timer.mjs');

/** The warm-up, settling and (client's own) warm-up requests every timing of a query starts with. */
function timerSpec(url: string, c: Pick<QueryCase, 'body'>, bare: BareServer) {
  return {
    url,
    body: c.body,
    clientWarmup: { url: bare.url, count: CLIENT_WARMUP_REQUESTS },
    warmup: { count: WARMUP_REQUESTS, budgetMs: WARMUP_BUDGET_MS },
    settle: { count: SETTLE_REQUESTS, budgetMs: SETTLE_BUDGET_MS },
  };
}

/**
 * Times `c` over HTTP from a client process of its own (http-timer.mjs), as a user's script would: this process
 * holds the store, the cube and the direct-SQL timings, and its collector's pauses would land in the timings.
 * How warm the server is matters more (2026-12-04, nested page of 100 cases at 100k letters, separate client:
 * 15.5 ms after 20 warm-up requests, 9.7 ms after 300): the timed requests come after the warm-up and the settling
 * ones, the warm-up's own p50 reported beside them. Used for the floors; a query's own timing also times what it
 * is compared with (timeInterleaved).
 */
function timeHttp(url: string, c: QueryCase, samples: number, bare: BareServer): Promise<HttpTimings> {
  const spec = {
    ...timerSpec(url, c, bare),
    timed: { count: samples, budgetMs: SAMPLING_BUDGET_MS, atLeast: MIN_SAMPLES },
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [HTTP_TIMER, JSON.stringify(spec)],
      // Warm-up and timed budgets plus the requests that overrun them: a query the server stops at its time
      // limit fails long before this.
      {
        timeout: WARMUP_BUDGET_MS + SETTLE_BUDGET_MS + SAMPLING_BUDGET_MS + 120_000,
        maxBuffer: 16 * 2 ** 20,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${c.name}: ${stderr.trim() || error.message}`));
          return;
        }
        resolve(JSON.parse(stdout) as HttpTimings);
      },
    );
  });
}

/** Samples taken a block at a time from each measurement in turn. */
const BLOCK_SIZE = 20;

/**
 * The query over HTTP (as timeHttp), Node's bare server sending the same answer (`answerServer`), its statements
 * through better-sqlite3 and, for a cube answer, the cube's own work, sampled in alternating blocks
 * (interleaved-samples.ts): a ratio's two sides see the same spells of the machine. The statements are timed only
 * when given (SQLite).
 */
async function timeInterleaved(
  url: string,
  c: QueryCase,
  samples: number,
  bare: BareServer,
  against: { answerServer: BareServer; sql: CapturedStatement[] | null; dbPath: string; cubeStore: Reader },
): Promise<{
  http: number[];
  warmup: number[];
  answerFloor: number[];
  direct: number[] | null;
  engine: number[] | null;
}> {
  const session = await startHttpTimer(timerSpec(url, c, bare), c.name);
  let answerSession: HttpTimerSession | null = null;
  const sql = against.sql ? sqlSamples(against.dbPath, against.sql) : null;
  try {
    answerSession = await startHttpTimer(
      timerSpec(against.answerServer.url, c, bare),
      `${c.name} (its answer from Node's bare server)`,
    );
    const engine = c.engine ? await engineSamples(against.cubeStore, c.engine) : null;
    const sources: SampleSource[] = [
      session,
      answerSession,
      ...(sql ? [sql] : []),
      ...(engine ? [engine] : []),
    ];
    const [http = [], answerFloor = [], ...rest] = await interleavedSamples(sources, {
      count: samples,
      budgetMs: SAMPLING_BUDGET_MS,
      atLeast: MIN_SAMPLES,
      blockSize: BLOCK_SIZE,
    });
    return {
      http,
      warmup: session.warmup,
      answerFloor,
      direct: sql ? (rest.shift() ?? null) : null,
      engine: engine ? (rest.shift() ?? null) : null,
    };
  } finally {
    session.close();
    answerSession?.close();
    sql?.close();
  }
}

/** The POST that asks for `c`, over HTTP or to the app in-process alike. */
function requestFor(c: QueryCase): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.body) };
}

/** The answer the server gives to `c` (one request, untimed): what Node's bare server then sends for its floor. */
async function answerOf(url: string, c: QueryCase): Promise<string> {
  const response = await fetch(url, requestFor(c));
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  const { errors } = JSON.parse(text) as { errors?: { message: string }[] };
  if (errors) throw new Error(errors.map((e) => e.message).join('; '));
  return text;
}

/** Requests of an operation before the one whose statements are recorded. */
const CAPTURE_AFTER_REQUESTS = 2;

/**
 * Records the statements the API runs for an operation (in-process, same repositories), then times those same
 * statements through better-sqlite3 directly: the "direct SQL" baseline for the same answer. They are the
 * statements of a request after the first ones, as the timed requests run: the first request of a server reads
 * the guidelines it then keeps (a nested page of 100 cases: five statements, then four), and a baseline holding
 * work the timed server no longer does would flatter its ratio.
 */
async function captureStatements(dbPath: string, c: QueryCase): Promise<CapturedStatement[]> {
  let captured: CapturedStatement[] = [];
  // The store's statements run in its read workers: they are recorded as Kysely hands them over.
  const store = await openStore(dbPath, {
    readonly: true,
    onQuery: (sql, params) => captured.push({ sql, params: [...params] }),
  });
  try {
    const app = buildApp({ db: store.db, dialect: store.dialect });
    for (let request = 0; request <= CAPTURE_AFTER_REQUESTS; request++) {
      captured = [];
      const response = await app.fetch('http://bench/graphql', requestFor(c));
      await response.text();
    }
  } finally {
    await store.close();
  }
  return captured;
}

/** The captured statements run through better-sqlite3 directly, on a connection of their own. */
function sqlSamples(dbPath: string, statements: CapturedStatement[]): SampleSource & { close(): void } {
  const db = new SQLite(dbPath, { readonly: true });
  // The functions the store's statements call, as every connection of the store has them.
  registerSqliteFunctions(db);
  const prepared = statements.map((s) => ({ stmt: db.prepare(s.sql), params: s.params }));
  const runOnce = () => {
    for (const { stmt, params } of prepared) {
      if (stmt.reader) stmt.all(...(params as unknown[]));
    }
  };
  runOnce();
  return {
    block: async (count) => {
      const ms: number[] = [];
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        runOnce();
        ms.push(performance.now() - t);
      }
      return ms;
    },
    close: () => db.close(),
  };
}

export const querySection: BenchSection = {
  name: 'query',
  async run(options, shared) {
    const dbPath = shared.dbPath;
    if (!dbPath) throw new Error('the query section needs a store: run the ingest section first');
    const sqlite = !dbPath.startsWith('postgres');
    // Timed samples a figure takes (fewer where SAMPLING_BUDGET_MS runs out first). 30 spanned 0.04-0.2 s of a
    // fast page, short enough for one slow spell of the machine to move its p50 whole: the page of 20 items read
    // 1.30 ms in one quick run and 4.21 ms in the next an hour later, same code and store (2026-12-05).
    const samples = 200;
    // PostgreSQL is asked the word SQLite picks at this scale ("medical", in nearly every rationale).
    const terms = sqlite ? pickTerms(dbPath) : { rare: 'cervicobrachial', common: 'medical' };
    const caseNumber = await longestCase(dbPath);
    const figures: BenchFigure[] = [];
    const cubeStore = await openStore(dbPath, { readonly: true });
    await warmItemCube(cubeStore.db, cubeStore.dialect);
    // Node's bare HTTP server: the floor below ours, and what the timing client warms its own fetch against.
    let bareServer: BareServer | null = null;
    try {
      bareServer = await startBareHttpServer();
      const bare = bareServer;
      await withWarmServer(dbPath, ['--no-cache'], async (server, cubeSeconds) => {
        if (cubeSeconds !== null) {
          figures.push({
            section: 'query',
            name: 'itemStats cube build at server start (SQL answers meanwhile)',
            value: cubeSeconds,
            unit: 's',
          });
        }
        // What any answer costs over HTTP here before it does any work: the same server, plugins and client, asked
        // for `{ __typename }`. A page whose SQL takes less than half of this cannot be within twice its SQL.
        /** The p50 of `{ __typename }` at `url`, timed as every query is, reported as the figure `figure`. */
        const floorAt = async (url: string, name: string, figure: string) => {
          const p50 = median(
            (await timeHttp(url, { name, body: { query: '{ __typename }' } }, samples * 4, bare)).steady,
          );
          figures.push({ section: 'query', name: figure, value: Number(p50.toFixed(2)), unit: 'ms' });
          return p50;
        };
        const floor = await floorAt(
          server.url,
          'HTTP floor',
          'HTTP floor: `{ __typename }` through the same server and client, p50 (no work, no SQL)',
        );
        // Reported beside ours: the fixed part of every answer's floor below (leastRatio).
        await floorAt(
          bare.url,
          "Node's HTTP floor",
          "Node's own HTTP floor: a bare node:http server's fixed answer, same client, p50 (no GraphQL at all)",
        );
        /**
         * The least ratio any HTTP server could score over `work` ms here: Node's floor for sending the same answer
         * plus the work itself. Its `{ __typename }` floor is the fixed part of it; a large answer costs more (a
         * page of 100 cases, 108 KB: ~1-2 ms, most of it the client's reading and parsing it).
         */
        const leastRatio = (answerFloor: number, work: number) =>
          (answerFloor + work) / Math.max(work, 0.001);
        for (const c of queryWorkload(terms.rare, terms.common, caseNumber)) {
          const started = performance.now();
          let http: number[];
          let warmup: number[];
          let direct: number[] | null = null;
          let engine: number[] | null = null;
          let statements: CapturedStatement[] | null = null;
          let answerFloor: number[];
          let answerBytes = 0;
          let answerServer: BareServer | null = null;
          try {
            // The statements the API runs for it, recorded in-process before the server is timed.
            statements = sqlite ? await captureStatements(dbPath, c) : null;
            const answer = await answerOf(server.url, c);
            answerBytes = Buffer.byteLength(answer);
            const answerFile = join(options.workDir, 'query-answer.json');
            writeFileSync(answerFile, answer);
            answerServer = await startBareHttpServer(answerFile);
            ({ http, warmup, answerFloor, direct, engine } = await timeInterleaved(
              server.url,
              c,
              samples,
              bare,
              {
                answerServer,
                sql: statements,
                dbPath,
                cubeStore,
              },
            ));
          } catch (error) {
            // A query the server refuses (e.g. past its time limit) is a figure of the report, not the end of it.
            const message = error instanceof Error ? error.message : String(error);
            figures.push({
              section: 'query',
              name: `${c.name}: FAILED after`,
              value: Math.round(performance.now() - started),
              unit: 'ms',
              note: message.slice(0, 200),
            });
            options.log(`${c.name}: failed: ${message}`);
            continue;
          } finally {
            await answerServer?.stop();
          }
          const p50 = median(http);
          const answerFloorP50 = median(answerFloor);
          const twoDimsFiltered = /itemStats [12] dim \+ filter/.test(c.name);
          const search = c.name.startsWith('search');
          figures.push({
            section: 'query',
            name: `${c.name}: HTTP p50`,
            value: Number(p50.toFixed(2)),
            unit: 'ms',
            ...(twoDimsFiltered
              ? { target: '< 30' }
              : search
                ? { target: options.letters >= 2_000_000 ? '< 100' : '< 50' }
                : {}),
          });
          figures.push({
            section: 'query',
            name: `${c.name}: HTTP p95`,
            value: Number(percentile(http, 95).toFixed(2)),
            unit: 'ms',
          });
          figures.push({
            section: 'query',
            name: `${c.name}: HTTP p50 of requests 2 to ${warmup.length + 1}, the warm-up before the settling and timed ones (compile, JIT; not scored)`,
            value: Number(median(warmup).toFixed(2)),
            unit: 'ms',
          });
          figures.push({
            section: 'query',
            name: `${c.name}: Node's HTTP floor for this answer: a bare node:http server sending the same bytes, same client, p50 (no GraphQL at all)`,
            value: Number(answerFloorP50.toFixed(2)),
            unit: 'ms',
            note: `${(answerBytes / 1024).toFixed(1)} KB`,
          });
          if (engine) {
            const engineP50 = median(engine);
            figures.push({
              section: 'query',
              name: `${c.name}: the cube's own work p50 (in-process repository call)`,
              value: Number(engineP50.toFixed(3)),
              unit: 'ms',
            });
            figures.push({
              section: 'query',
              name: `${c.name}: GraphQL/cube ratio (p50)`,
              value: Number((p50 / Math.max(engineP50, 0.001)).toFixed(2)),
              unit: '×',
              target: RATIO_TARGET,
            });
            figures.push({
              section: 'query',
              name: `${c.name}: (Node's HTTP floor for this answer + cube work) / cube work: the least any HTTP server could score (not scored)`,
              value: Number(leastRatio(answerFloorP50, engineP50).toFixed(2)),
              unit: '×',
            });
          }
          if (direct && statements) {
            const sqlP50 = median(direct);
            figures.push({
              section: 'query',
              // For cube answers these are the statements of the SQL path (the in-process run below has no cube):
              // plain group-bys over covering indexes, what the cube saves; the cube's own work is its baseline.
              name: `${c.name}: direct SQL p50 (${statements.length} statements${c.fromCube ? ', SQL path without the cube' : ''})`,
              value: Number(sqlP50.toFixed(2)),
              unit: 'ms',
            });
            figures.push({
              section: 'query',
              name: `${c.name}: GraphQL/SQL ratio (p50)${c.fromCube ? ' against the SQL path the cube skips' : ''}`,
              value: Number((p50 / Math.max(sqlP50, 0.001)).toFixed(2)),
              unit: '×',
              // Scored against SQL only where SQL does the work; a cube answer is scored against the cube above.
              ...(c.fromCube ? {} : { target: RATIO_TARGET }),
            });
            if (!c.fromCube) {
              figures.push({
                section: 'query',
                name: `${c.name}: (Node's HTTP floor for this answer + SQL) / SQL: the least any HTTP server could score (not scored)`,
                value: Number(leastRatio(answerFloorP50, sqlP50).toFixed(2)),
                unit: '×',
              });
              figures.push({
                section: 'query',
                name: `${c.name}: (HTTP p50 - Node's floor for this answer) / SQL: this server's work beyond sending the answer, against its SQL (not scored)`,
                value: Number((Math.max(p50 - answerFloorP50, 0) / Math.max(sqlP50, 0.001)).toFixed(2)),
                unit: '×',
              });
              figures.push({
                section: 'query',
                name: `${c.name}: (HTTP p50 - HTTP floor) / SQL: GraphQL execution against its SQL (not scored)`,
                value: Number((Math.max(p50 - floor, 0) / Math.max(sqlP50, 0.001)).toFixed(2)),
                unit: '×',
              });
            }
          }
          options.log(`${c.name}: p50 ${p50.toFixed(1)} ms`);
        }
      });
    } finally {
      await bareServer?.stop();
      await cubeStore.close();
    }
    return figures;
  },
};
