// Times one GraphQL operation over HTTP from a process of its own: the bench process holds stores, cubes and
// every figure so far, and its collector's pauses landed in the timings it took itself (a nested page of 100
// cases: 17 ms timed there, 10 ms from a bare client against the same server). Plain JavaScript, run by node
// without a loader, so the client is what a script of a user's would be: Node's fetch.
//
// argv[2]: JSON {url, body, warmup: {count, budgetMs}, timed: {count, budgetMs, atLeast}}.
// stdout: JSON {warmup: number[], steady: number[]}, milliseconds per request; a GraphQL error exits 1 with it.

const spec = JSON.parse(process.argv[2]);
const payload = JSON.stringify(spec.body);

async function send() {
  const response = await fetch(spec.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
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

try {
  // The first request opens the connection and warms this client's own fetch: timed nowhere.
  await send();
  const warmup = await timed(spec.warmup.count, spec.warmup.budgetMs, 1);
  const steady = await timed(spec.timed.count, spec.timed.budgetMs, spec.timed.atLeast);
  process.stdout.write(JSON.stringify({ warmup, steady }));
} catch (error) {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
