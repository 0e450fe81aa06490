import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// What `pnpm start` runs: the build (`scripts/build.mjs`, a no-op when current, as `pnpm test` has just built),
// then the compiled CLI on plain Node. A loader hook makes any import of tsx or Vite fail, so the server, its
// first-run ingest (parse workers included), GraphiQL and the dashboard are shown to need neither at run time.

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

const dir = mkdtempSync(join(tmpdir(), 'imr-compiled-'));
const GUARD = join(dir, 'no-dev-tools.mjs');
writeFileSync(
  GUARD,
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/\\\\/node_modules\\\\/(tsx|vite|esbuild)\\\\//.test(resolved.url)) throw new Error('dev tool loaded at run time: ' + resolved.url);
  return resolved;
}\`));
`,
);

let child: ChildProcess | undefined;
let origin = '';
let output = '';

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the compiled server (pnpm build, then plain Node)', () => {
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, timeout: 300_000 });
    child = spawn(
      process.execPath,
      [
        '--import',
        GUARD,
        'packages/server/dist/imr.cjs',
        'start',
        '--db',
        join(dir, 'imr.db'),
        '--port',
        '0',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 120_000;
    while (!/GraphiQL: (\S+)/.test(output)) {
      if (child.exitCode !== null) throw new Error(`imr start exited ${child.exitCode}: ${output}`);
      if (Date.now() > deadline) throw new Error(`imr start did not listen in 120 s: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    origin = new URL(/GraphiQL: (\S+)/.exec(output)?.[1] ?? '').origin;
  });

  it('creates the sample store from the bundled letters and answers GraphQL', async () => {
    expect(output).toMatch(/Created .* from 5 bundled sample letters/);
    const answer = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ itemStats { total { count overturned } } }' }),
    });
    expect(await answer.json()).toMatchObject({
      data: { itemStats: { total: { count: 9, overturned: 1 } } },
    });
  });

  it('serves the built dashboard, its favicon and GraphiQL with its assets', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('IMR Analytics');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${origin}${script}`)).status).toBe(200);
    expect((await fetch(`${origin}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');

    const graphiql = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    const graphiqlHtml = await graphiql.text();
    expect(graphiqlHtml).not.toContain('unpkg.com');
    // A small page: GraphiQL's script, styles and icon are files of their own, fetched once.
    expect(graphiqlHtml.length).toBeLessThan(20_000);
    const icon = /rel="icon" href="(\/graphiql-assets\/[^"]+)"/.exec(graphiqlHtml)?.[1];
    expect((await fetch(`${origin}${icon}`)).headers.get('content-type')).toBe('image/x-icon');
    const asset = /src="(\/graphiql-assets\/[^"]+\.js)"/.exec(graphiqlHtml)?.[1];
    const assetResponse = await fetch(`${origin}${asset}`);
    expect(assetResponse.status).toBe(200);
    expect((await assetResponse.text()).length).toBeGreaterThan(1_000_000);
    expect(output).not.toContain('dev tool loaded at run time');
    expect(child?.exitCode).toBeNull();
  });

  it('has a guard that does stop a dev tool from loading', async () => {
    const attempt = run(
      process.execPath,
      ['--import', GUARD, '--input-type=module', '-e', "await import('vite')"],
      {
        cwd: join(ROOT, 'packages/dashboard'),
      },
    );
    await expect(attempt).rejects.toThrow(/dev tool loaded at run time/);
  });

  it('serves from a Node with a 64 MB young generation, which ends when `imr start` is stopped', async () => {
    const parent = child!;
    const { stdout } = await run('ps', ['-o', 'pid=,args=', '--ppid', String(parent.pid)]);
    const server = stdout.split('\n').find((line) => line.includes('imr.cjs start'));
    expect(server).toContain('--max-semi-space-size=64');
    const serverPid = Number(server?.trim().split(/\s+/)[0]);
    const exited = new Promise<number | null>((resolve) => parent.once('exit', (code) => resolve(code)));
    parent.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(() => process.kill(serverPid, 0)).toThrow();
  });

  it('ends the server when `imr serve` itself is killed outright: nothing is left holding its port', async () => {
    const parent = spawn(
      process.execPath,
      ['packages/server/dist/imr.cjs', 'serve', '--db', join(dir, 'imr.db'), '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let said = '';
    parent.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
    });
    try {
      await vi.waitFor(() => expect(said).toMatch(/GraphiQL: http\S+/), { timeout: 60_000, interval: 100 });
      const url = /GraphiQL: (http\S+)/.exec(said)![1]!;
      expect((await fetch(url, { headers: { accept: 'text/html' } })).status).toBe(200);
      const { stdout } = await run('ps', ['-o', 'pid=,args=', '--ppid', String(parent.pid)]);
      const server = stdout.split('\n').find((line) => line.includes('imr.cjs serve'));
      const serverPid = Number(server?.trim().split(/\s+/)[0]);
      expect(serverPid).toBeGreaterThan(0);
      parent.kill('SIGKILL');
      await vi.waitFor(() => expect(() => process.kill(serverPid, 0)).toThrow(), {
        timeout: 10_000,
        interval: 100,
      });
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
