import { createInterface } from 'node:readline';

// The second client, in its own process so the attacker's client-side work (building and sending a 10 MB body)
// does not delay its measurements. Commands on stdin: `start ORIGIN ADDRESS` begins asking for /healthz and a
// cheap query one after the other, as ADDRESS behind the trusted proxy; `stop` ends and prints one JSON line
// {healthz: ms[], cheapQuery: ms[], failures: string[]}.

let running = false;
let sampling: Promise<void> = Promise.resolve();
let samples = { healthz: [] as number[], cheapQuery: [] as number[], failures: [] as string[] };

async function timed(url: string, init: RequestInit): Promise<{ ms: number; ok: boolean; text: string }> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return { ms: performance.now() - started, ok: response.ok && !text.includes('"errors"'), text };
}

async function sample(origin: string, address: string): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  let i = 0;
  while (running) {
    const health = await timed(`${origin}/healthz`, { headers });
    samples.healthz.push(health.ms);
    if (!health.ok) samples.failures.push(`/healthz: ${health.text.slice(0, 200)}`);
    const cheap = await timed(`${origin}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: 'query Cheap($n: Int) { cases(first: $n) { totalCount } }',
        variables: { n: i++ % 50 },
      }),
    });
    samples.cheapQuery.push(cheap.ms);
    if (!cheap.ok) samples.failures.push(`cheap query: ${cheap.text.slice(0, 200)}`);
    // Paced, so the observer stays inside its own request limit.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const [command, origin, address] = line.trim().split(' ');
  if (command === 'start' && origin && address) {
    samples = { healthz: [], cheapQuery: [], failures: [] };
    running = true;
    sampling = sample(origin, address).catch((error: unknown) => {
      samples.failures.push(String(error));
    });
    console.log('started');
  } else if (command === 'stop') {
    running = false;
    await sampling;
    console.log(JSON.stringify(samples));
  }
}
