import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '@imr/store/client';
import { buildApp } from '../../yoga';

// V8 runs a function fast only after it has run many times (interpreted first, optimised later), and the code a
// page runs through (the schema's resolvers and loaders, the query builder, the JSON writer, Yoga's pipeline) is
// the same whatever the page. A fresh server answered a page of 20 items in 3.9 ms over its requests 20-50 and
// 2.2 ms from its 200th on; after the pages below had run in it, in 2.6 ms over requests 20-50 of a document
// it had never seen. So the server runs them when it starts, on an app of its own (no log, cache or client
// limits), one request a turn of the event loop so that real requests are answered in between, for a few
// seconds at most.

/**
 * Pages every client asks in some form: a list of cases with their reviewer, items, citations and guidelines,
 * a list of items with their case and citations, and the lists behind reviewers and guidelines.
 */
const WARM_UP_OPERATIONS: readonly string[] = [
  `{ cases(first: 100) { pageInfo { hasNextPage endCursor } edges { cursor node {
    id caseNumber dates { decision } priority reviewer { specialties licensedIn }
    items(first: 10) { edges { node { title decision category
      citations(first: 10) { edges { node { citedBy source pages guideline { source name topic } } } } } } }
  } } } }`,
  `{ items(first: 20) { edges { node { id title decision category bodyRegions
    case { caseNumber dates { decision } priority }
    citations(first: 10) { edges { node { citedBy pages guideline { source name topic } } } } } } } }`,
  `{ reviewers(first: 20) { edges { node { id specialties licensedIn cases(first: 5) { edges { node { caseNumber } } } } } } }`,
  `{ guidelines(first: 20) { edges { node { id source name topic citations(first: 5) { edges { node { pages } } } } } } }`,
];

/** Rounds of the operations at most, and the time they may take. */
const ROUNDS = 250;
const BUDGET_MS = 6_000;

/**
 * Runs the warm-up operations against `store` until the rounds or the time run out or `signal` aborts (the
 * server is stopping); throws if one answers with errors (a document out of date).
 */
export async function warmQueryEngine(
  store: Pick<Store, 'db' | 'dialect'>,
  limits: { rounds?: number; budgetMs?: number; signal?: AbortSignal } = {},
): Promise<{ requests: number; seconds: number }> {
  const app = buildApp({ db: store.db, dialect: store.dialect, graphiql: false });
  const started = performance.now();
  const rounds = limits.rounds ?? ROUNDS;
  const budgetMs = limits.budgetMs ?? BUDGET_MS;
  let requests = 0;
  const going = () => performance.now() - started < budgetMs && !limits.signal?.aborted;
  for (let round = 0; round < rounds && going(); round++) {
    for (const query of WARM_UP_OPERATIONS) {
      if (limits.signal?.aborted) break;
      const response = await app.fetch('http://warm-up/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) {
        throw new Error(`a warm-up operation failed: ${body.errors.map((e) => e.message).join('; ')}`);
      }
      requests++;
      await nextTurn();
    }
  }
  return { requests, seconds: (performance.now() - started) / 1000 };
}

/**
 * Warms the query engine behind a server that has started listening; says on stderr when it is done. A server
 * stopping aborts `signal` before it closes its store: the warm-up then ends quietly, where its request in
 * flight used to fail on the closed store and print that as an error on every Ctrl-C during the first seconds.
 * The promise settles (never rejects) once the warm-up has ended, its last request answered: the store may close.
 */
export function warmQueryEngineInBackground(store: Store, signal: AbortSignal): Promise<void> {
  return warmQueryEngine(store, { signal })
    .then(({ requests, seconds }) => {
      if (!signal.aborted)
        console.error(`query engine warmed by ${requests} requests in ${seconds.toFixed(1)} s`);
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      console.error(
        `query engine warm-up stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
}
