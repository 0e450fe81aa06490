// `pnpm notebooks [jupyter options]`: Jupyter on notebooks/, with Deno's kernel registered and the API running
// over the bundled sample letters (or over IMR_DB), its URL handed to every kernel as IMR_API_URL. With
// IMR_API_URL already set, no server is started and the notebooks read that one.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureSampleStore } from '../packages/server/src/cli/commands/start.command';
import { type RunningServer, serve } from '../packages/server/src/main';
import { DEFAULT_DB_PATH } from '../packages/store/src/client';
import { jupyterVersion, NOTEBOOKS_DIR, notebookEnv, writeDenoKernelSpec } from './jupyter-env';

const REPO_ROOT = join(NOTEBOOKS_DIR, '..');

async function main(): Promise<number> {
  if ((await jupyterVersion()) === null) {
    console.error(
      'pnpm notebooks: Jupyter is not installed. On Debian/Ubuntu: sudo apt-get install -y jupyter-notebook ' +
        'python3-ipykernel python3-pandas python3-matplotlib (elsewhere: pip install notebook pandas matplotlib)',
    );
    return 1;
  }
  let running: RunningServer | null = null;
  let apiUrl = process.env.IMR_API_URL;
  if (!apiUrl) {
    const target = process.env.IMR_DB || join(REPO_ROOT, DEFAULT_DB_PATH);
    const stored = await ensureSampleStore(target);
    if (stored !== null) console.log(`Created ${target} from ${stored} bundled sample letters.`);
    running = await serve({ target, port: 0, host: '127.0.0.1' });
    apiUrl = running.url;
    console.log(`IMR API over ${target} at ${apiUrl}`);
  }
  const jupyterPath = await writeDenoKernelSpec(join(REPO_ROOT, '.tmp/jupyter'));
  const args = ['notebook', `--notebook-dir=${NOTEBOOKS_DIR}`, ...process.argv.slice(2)];
  // Jupyter refuses to run as root unless told; in a container root is the usual user.
  if (process.getuid?.() === 0 && !args.includes('--allow-root')) {
    console.log('Running as root: passing --allow-root to Jupyter.');
    args.push('--allow-root');
  }
  const jupyter = spawn('jupyter', args, {
    env: notebookEnv(apiUrl, jupyterPath),
    stdio: 'inherit',
  });
  // Ctrl-C reaches Jupyter too (same process group); it asks to confirm, then exits, and the server closes.
  process.on('SIGINT', () => {});
  const code = await new Promise<number>((resolve) => jupyter.on('exit', (c) => resolve(c ?? 1)));
  await running?.close();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`pnpm notebooks: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
