#!/usr/bin/env node
// `pnpm build`: what runs in production, compiled, so nothing compiles at run time (no tsx, no Vite).
//   packages/sdk/dist        tsc: the installable SDK (ES modules + declarations); its imports carry .js already
//   packages/dashboard/dist  Vite: the page the server serves at /
//   packages/server/dist     esbuild: the `imr` CLI (imr.cjs → cli.js), its parse worker (@imr/ingest), the read
//                            worker (@imr/store) and the generator's worker, with every workspace package compiled
//                            in. A bundler rather than tsc here: the sources import without file extensions
//                            (moduleResolution Bundler), which Node's loader cannot follow, and the workspace
//                            packages export TypeScript sources.
//                            npm packages stay external, and each must be a declared dependency of the server.
// `--if-stale` builds only when a source is newer than the last build (how `pnpm start` and `pnpm imr` call it);
// it says nothing on stdout, so `pnpm --silent imr parse ... --json` stays clean.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'packages/server');
const SDK = join(ROOT, 'packages/sdk');
const DASHBOARD = join(ROOT, 'packages/dashboard');
const STAMP = join(SERVER, 'dist/build-stamp.json');

/** What the build reads: a change to any of these makes the build stale. */
const INPUTS = [
  'packages/parser/src',
  'packages/generator/src',
  'packages/store/src',
  'packages/analytics/src',
  'packages/ingest/src',
  'packages/server/src',
  'packages/sdk/src',
  'packages/dashboard/src',
  'packages/dashboard/public',
  'packages/dashboard/index.html',
  'packages/dashboard/vite.config.ts',
  'packages/sdk/tsconfig.build.json',
  'packages/parser/package.json',
  'packages/generator/package.json',
  'packages/store/package.json',
  'packages/analytics/package.json',
  'packages/ingest/package.json',
  'packages/server/package.json',
  'packages/sdk/package.json',
  'packages/dashboard/package.json',
  'tsconfig.json',
  'pnpm-lock.yaml',
  'scripts/build.mjs',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** The source newer than the last build, or null when the build is current. */
function staleReason() {
  if (!existsSync(STAMP)) return 'no build yet';
  const built = statSync(STAMP).mtimeMs;
  for (const input of INPUTS) {
    if (newestMtime(join(ROOT, input)) > built) return `${input} changed`;
  }
  for (const output of ['packages/sdk/dist/index.js', 'packages/dashboard/dist/index.html']) {
    if (!existsSync(join(ROOT, output))) return `${output} is missing`;
  }
  return null;
}

function log(message) {
  process.stderr.write(`[build] ${message}\n`);
}

function buildSdk() {
  rmSync(join(SDK, 'dist'), { recursive: true, force: true });
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(SDK, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
}

async function buildDashboardPage() {
  const { build } = await import('vite');
  await build({ root: DASHBOARD, configFile: join(DASHBOARD, 'vite.config.ts'), logLevel: 'warn' });
}

/** `lodash/fp` → `lodash`, `@scope/name/sub` → `@scope/name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

async function buildServer() {
  const { build } = await import('esbuild');
  const dist = join(SERVER, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      cli: join(SERVER, 'src/cli/main.ts'),
      // Beside cli.js: the pools and the generator start their workers from `./<name>.js` next to themselves.
      'parse-worker': join(ROOT, 'packages/ingest/src/parse-worker.ts'),
      'sqlite-read-worker': join(ROOT, 'packages/store/src/sqlite-read-worker.ts'),
      'search-aside-worker': join(ROOT, 'packages/store/src/search-aside-worker.ts'),
      'wal-checkpoint-worker': join(ROOT, 'packages/store/src/wal-checkpoint-worker.ts'),
      'corpus.worker': join(ROOT, 'packages/generator/src/corpus.worker.ts'),
    },
    outdir: dist,
    bundle: true,
    splitting: true,
    // Chunks beside the entries too: a module that finds files from import.meta.url finds them from any chunk.
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(pluginBuild) {
          // The workspace's packages are compiled in; every npm package is loaded from node_modules at run time.
          pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@imr/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  const declared = new Set(
    Object.keys(JSON.parse(readFileSync(join(SERVER, 'package.json'), 'utf8')).dependencies),
  );
  const builtins = new Set(builtinModules);
  const undeclared = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const { path, external } of output.imports) {
      if (!external || path.startsWith('node:') || builtins.has(path)) continue;
      if (!declared.has(packageName(path))) undeclared.add(packageName(path));
    }
  }
  if (undeclared.size > 0) {
    throw new Error(
      `the server build imports ${[...undeclared].join(', ')}, not in packages/server/package.json dependencies`,
    );
  }
  // CommonJS, so UV_THREADPOOL_SIZE is set before Node's ESM loader first uses libuv's pool (see src/cli/bin.cjs).
  writeFileSync(
    join(dist, 'imr.cjs'),
    "#!/usr/bin/env node\n// The compiled `imr` command (pnpm build).\nprocess.env.UV_THREADPOOL_SIZE ??= '16';\nimport('./cli.js');\n",
    { mode: 0o755 },
  );
}

const ifStale = process.argv.includes('--if-stale');
const reason = staleReason();
if (ifStale && reason === null) process.exit(0);
const started = performance.now();
log(ifStale ? `building (${reason}): SDK, dashboard, server` : 'building: SDK, dashboard, server');
try {
  buildSdk();
  await buildDashboardPage();
  await buildServer();
} catch (error) {
  rmSync(STAMP, { force: true });
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
writeFileSync(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
log(
  `done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${['packages/sdk/dist', 'packages/dashboard/dist', 'packages/server/dist'].map((d) => relative(ROOT, join(ROOT, d))).join(', ')}`,
);
