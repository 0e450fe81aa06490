import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BareServer, startBareHttpServer } from './bare-server-process';
import { startHttpTimer } from './http-timer-session';

// The query section's client (http-timer.mjs) and Node's HTTP floor (bare-http-server.mjs): the client's own
// warm-up must never reach the server it times, or the server would be timed warmer than the bench says.

const HTTP_TIMER = join(import.meta.dirname, 'http-timer.mjs');

interface Timings {
  warmup: number[];
  steady: number[];
}

function runTimer(spec: object): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [HTTP_TIMER, JSON.stringify(spec)],
      { timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A server that counts the POSTs it is sent and answers each with `answer`. */
async function countingServer(
  answer: string,
): Promise<{ url: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, requests: () => requests, server };
}

const servers: Server[] = [];
const bareServers: BareServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const bare of bareServers.splice(0)) await bare.stop();
});

async function bareServer(): Promise<BareServer> {
  const bare = await startBareHttpServer();
  bareServers.push(bare);
  return bare;
}

describe('http-timer.mjs', () => {
  /** Times `{ __typename }` against a counting server with `spec`; the timings and the requests the server saw. */
  async function timeTypename(spec: object): Promise<{ timings: Timings; requests: number }> {
    const target = await countingServer('{"data":{"__typename":"Query"}}');
    servers.push(target.server);
    const { code, stdout, stderr } = await runTimer({
      url: target.url,
      body: { query: '{ __typename }' },
      ...spec,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return { timings: JSON.parse(stdout) as Timings, requests: target.requests() };
  }

  it("sends the server it times only the first, warm-up and timed requests, whatever the client's own warm-up", async () => {
    const { timings, requests } = await timeTypename({
      clientWarmup: { url: (await bareServer()).url, count: 300 },
      warmup: { count: 5, budgetMs: 10_000 },
      timed: { count: 12, budgetMs: 10_000, atLeast: 12 },
    });
    expect(timings.warmup).toHaveLength(5);
    expect(timings.steady).toHaveLength(12);
    expect(timings.steady.every((ms) => ms > 0)).toBe(true);
    // The connection-opening request, 5 warm-up and 12 timed: none of the 300 of the client's own warm-up.
    expect(requests).toBe(18);
  });

  it('sends the settling requests between the warm-up and the timed ones, and times none of them', async () => {
    const { timings, requests } = await timeTypename({
      warmup: { count: 5, budgetMs: 10_000 },
      settle: { count: 7, budgetMs: 10_000 },
      timed: { count: 12, budgetMs: 10_000, atLeast: 12 },
    });
    expect(timings.warmup).toHaveLength(5);
    expect(timings.steady).toHaveLength(12);
    // The connection-opening request, 5 warm-up, 7 settling and 12 timed.
    expect(requests).toBe(25);
  });

  it('times the blocks it is asked for, one after another, after its warm-up and settling requests', async () => {
    const target = await countingServer('{"data":{"__typename":"Query"}}');
    servers.push(target.server);
    const session = await startHttpTimer(
      {
        url: target.url,
        body: { query: '{ __typename }' },
        clientWarmup: { url: (await bareServer()).url, count: 50 },
        warmup: { count: 4, budgetMs: 10_000 },
        settle: { count: 6, budgetMs: 10_000 },
      },
      'typename',
    );
    try {
      expect(session.warmup).toHaveLength(4);
      // The connection-opening request, 4 warm-up and 6 settling so far.
      expect(target.requests()).toBe(11);
      const first = await session.block(3);
      expect(first).toHaveLength(3);
      expect(target.requests()).toBe(14);
      // Between blocks the server sees nothing: the caller times its own work there.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(target.requests()).toBe(14);
      const second = await session.block(5);
      expect(second.every((ms) => ms > 0)).toBe(true);
      expect(target.requests()).toBe(19);
    } finally {
      session.close();
    }
  });

  it('in blocks, fails with the GraphQL error of its warm-up and never starts', async () => {
    const target = await countingServer('{"errors":[{"message":"no such field"}]}');
    servers.push(target.server);
    // The warm-up's first request fails already: the session never starts.
    await expect(
      startHttpTimer(
        {
          url: target.url,
          body: { query: '{ nope }' },
          warmup: { count: 1, budgetMs: 1_000 },
        },
        'nope',
      ),
    ).rejects.toThrow(/nope: no such field/);
  });

  it('fails with the GraphQL error when the server answers one', async () => {
    const target = await countingServer('{"errors":[{"message":"no such field"}]}');
    servers.push(target.server);
    const { code, stderr } = await runTimer({
      url: target.url,
      body: { query: '{ nope }' },
      clientWarmup: { url: (await bareServer()).url, count: 10 },
      warmup: { count: 1, budgetMs: 1_000 },
      timed: { count: 1, budgetMs: 1_000, atLeast: 1 },
    });
    expect(code).not.toBe(0);
    expect(stderr).toContain('no such field');
  });
});

describe('bare-http-server.mjs', () => {
  it('answers a POST with its fixed answer once started, and stops with a connection still open', async () => {
    const bare = await startBareHttpServer();
    const response = await fetch(bare.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    // fetch keeps the connection alive: stop() returns only once the process has exited anyway.
    await bare.stop();
    await expect(fetch(bare.url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it("answers every POST with a file's bytes when given one (a query's own answer), however large", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bare-answer-'));
    try {
      // A page's worth of JSON with non-ASCII text: the length sent must be its bytes, not its characters.
      const answer = JSON.stringify({
        data: { cases: Array.from({ length: 2_000 }, (_, i) => ({ caseNumber: `CM17-${i}`, note: 'é ✓' })) },
      });
      const file = join(dir, 'answer.json');
      writeFileSync(file, answer);
      const bare = await startBareHttpServer(file);
      bareServers.push(bare);
      for (let i = 0; i < 2; i++) {
        const response = await fetch(bare.url, { method: 'POST', body: '{"query":"{ anything }"}' });
        expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(answer)));
        expect(await response.text()).toBe(answer);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
