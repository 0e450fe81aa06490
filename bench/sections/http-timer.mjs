// Times one GraphQL operation over HTTP from a process of its own: the bench process holds stores, cubes and
// every figure so far, and its collector's pauses landed in the timings it took itself (a nested page of 100
// cases: 17 ms timed there, 10 ms from a bare client against the same server). Plain JavaScript, run by node
// without a loader, so the client is what a script of a user's would be: Node's fetch.
//
// argv[2]: JSON {url, body, clientWarmup?: {url, count}, warmup: {count, budgetMs}, settle?: {count, budgetMs},
// timed?: {count, budgetMs, atLeast}}.
// With `timed`: stdout JSON {warmup: number[], steady: number[]}, milliseconds per request; a GraphQL error exits
// 1 with it. Without it, run with an IPC channel (fork): after the settling requests the timer sends
// {warmup: number[]}, then times each block asked for ({count}) and answers {ms: number[]}, so the caller can
// time other work between blocks (interleaved-samples.ts); {done: true} ends it, an error is sent as {error}.

const spec = JSON.parse(process.argv[2]);
const payload = JSON.stringify(spec.body);

async function post(url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });
  return response.json();
}

async function send() {
  const body = await post(spec.url);
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
}

/**
 * Warms this process's own fetch (undici's code, V8's JIT of it) against Node's bare HTTP server
 * (bare-http-server.mjs at `clientWarmup.url`), before the server under test sees a request. Measured 2026-12-05
 * (AMD EPYC, `{ __typename }`, 20 warm-up requests then 120 timed): a bare Node server answered in 1.12-1.56 ms
 * p50 to a fresh client and 0.48 ms after 2,000 such requests; ours in 1.35-1.90 ms and 0.63 ms. A fresh client's
 * cost is the client's, not the server's. The server under test gets no extra warm-up from this: its own warm-up
 * stays `warmup`.
 */
async function warmClient(warm) {
  for (let i = 0; i < (warm?.count ?? 0); i++) await post(warm.url);
}

async function timed(count, budgetMs, atLeast) {
  const ms = [];
  const deadline = performance.now() + budgetMs;
  while (ms.length < count && (ms.length < atLeast || performance.now() < deadline)) {
    const t = performance.now();
    await send();
    ms.push(performance.now() - t);
  }
  return ms;
}

/** Answers each {count} with that many timed requests until {done}; the blocks run one at a time. */
function serveBlocks() {
  let queue = Promise.resolve();
  process.on('message', (message) => {
    if (message.done) {
      process.disconnect();
      return;
    }
    queue = queue.then(async () => {
      try {
        process.send({ ms: await timed(message.count, Number.POSITIVE_INFINITY, message.count) });
      } catch (error) {
        process.send({ error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}

try {
  await warmClient(spec.clientWarmup);
  // The first request opens the connection: timed nowhere.
  await send();
  const warmup = await timed(spec.warmup.count, spec.warmup.budgetMs, 1);
  // Untimed: the server's steady state for an operation its clients repeat comes after hundreds of them.
  if (spec.settle) await timed(spec.settle.count, spec.settle.budgetMs, 0);
  if (spec.timed) {
    const steady = await timed(spec.timed.count, spec.timed.budgetMs, spec.timed.atLeast);
    process.stdout.write(JSON.stringify({ warmup, steady }));
  } else {
    if (!process.send) throw new Error('http-timer.mjs: without `timed` it runs with an IPC channel (fork)');
    serveBlocks();
    process.send({ warmup });
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(message);
  process.exitCode = 1;
  if (process.send && !spec.timed) process.send({ error: message }, () => process.disconnect());
}
