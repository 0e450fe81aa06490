import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// What an app installs is the tarball `npm pack` makes (its prepack runs the tsc build): package.json's
// `exports` must lead Node and TypeScript to dist/ (the "@imr/source" condition, which leads to src/, is the
// workspace's own), the build must run on Node's ESM loader and ship declarations, and no test may ship. The
// tarball is unpacked into a consumer's node_modules beside the SDK's own dependencies (linked from
// packages/sdk/node_modules, as an install would put them).

const SDK_DIR = resolve(import.meta.dirname, '..');
const TSC = resolve(SDK_DIR, '../../node_modules/.bin/tsc');
const run = promisify(execFile);

const consumer = mkdtempSync(join(tmpdir(), 'imr-sdk-consumer-'));

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe('the packed SDK', () => {
  it('installs from `npm pack` and runs and type-checks in a consumer', { timeout: 300_000 }, async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', consumer], { cwd: SDK_DIR });
    const [{ filename, files }] = JSON.parse(packed.stdout) as [
      { filename: string; files: { path: string }[] },
    ];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/generated/graphql.d.ts',
      ]),
    );
    expect(paths.filter((p) => /\.test(-d)?\.[jt]s$/.test(p))).toEqual([]);

    const installed = join(consumer, 'node_modules/@imr/sdk');
    mkdirSync(installed, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies)) {
      mkdirSync(join(consumer, 'node_modules', dependency, '..'), { recursive: true });
      symlinkSync(join(SDK_DIR, 'node_modules', dependency), join(consumer, 'node_modules', dependency));
    }
    await run('tar', ['-xzf', join(consumer, filename), '-C', installed, '--strip-components=1']);

    const script = `
      import { createImrClient } from '@imr/sdk';
      const client = createImrClient({
        url: 'http://sdk.test/graphql',
        fetch: async () => new Response(JSON.stringify({ data: { cases: { totalCount: 7 } } })),
      });
      const answer = await client.cases();
      console.log(JSON.stringify({ methods: Object.keys(client).sort(), totalCount: answer.cases.totalCount }));
    `;
    writeFileSync(join(consumer, 'app.mjs'), script);
    const { stdout } = await run(process.execPath, ['app.mjs'], { cwd: consumer });
    const { methods, totalCount } = JSON.parse(stdout) as { methods: string[]; totalCount: number };
    expect(totalCount).toBe(7);
    expect(methods).toEqual(expect.arrayContaining(['itemStats', 'caseStats', 'items', 'walk', 'request']));

    // The declarations, found through `exports` as a strict Node ESM consumer finds them.
    writeFileSync(
      join(consumer, 'app.ts'),
      `import { createImrClient, type ItemFilter } from '@imr/sdk';
const filter: ItemFilter = { category: ['PHARMACEUTICAL'] };
export const count: Promise<number> = createImrClient({ url: 'http://x/graphql' })
  .itemStats({ filter, groupBy: [] })
  .then((answer) => answer.itemStats.total.count);
`,
    );
    writeFileSync(join(consumer, 'package.json'), '{ "type": "module" }\n');
    const typecheck = [
      ...['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'],
      ...['--target', 'es2022', '--lib', 'es2022,dom', 'app.ts'],
    ];
    const diagnostics = await run(TSC, typecheck, { cwd: consumer }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(diagnostics).toBe('');
  });
});
