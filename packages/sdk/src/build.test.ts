import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// What a consumer installs is the tsc build, not the sources: it must run on Node's own ESM loader (relative
// imports with extensions, no TypeScript) and ship declarations. Built under dist/ (git-ignored) so Node finds
// the package's dependencies in its node_modules.

const SDK_DIR = resolve(import.meta.dirname, '..');
const TSC = resolve(SDK_DIR, '../../node_modules/.bin/tsc');
const run = promisify(execFile);

mkdirSync(join(SDK_DIR, 'dist'), { recursive: true });
const outDir = mkdtempSync(join(SDK_DIR, 'dist', 'build-test-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the dist build', () => {
  it('compiles with declarations and runs on plain Node', { timeout: 180_000 }, async () => {
    await run(TSC, ['-p', join(SDK_DIR, 'tsconfig.build.json'), '--outDir', outDir]);
    expect(existsSync(join(outDir, 'index.d.ts'))).toBe(true);
    expect(existsSync(join(outDir, 'generated/graphql.d.ts'))).toBe(true);
    expect(existsSync(join(outDir, 'client.test.js'))).toBe(false);
    const script = `
      const sdk = await import(${JSON.stringify(join(outDir, 'index.js'))});
      const client = sdk.createImrClient({
        url: 'http://sdk.test/graphql',
        fetch: async (_url, init) => new Response(JSON.stringify({ data: { cases: { totalCount: 7 } } })),
      });
      const answer = await client.cases();
      console.log(JSON.stringify({ methods: Object.keys(client).sort(), totalCount: answer.cases.totalCount }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: SDK_DIR });
    const { methods, totalCount } = JSON.parse(stdout) as { methods: string[]; totalCount: number };
    expect(totalCount).toBe(7);
    expect(methods).toEqual(expect.arrayContaining(['itemStats', 'caseStats', 'items', 'walk', 'request']));
  });
});
