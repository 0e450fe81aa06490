import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

// The Jupyter set-up the notebooks need, shared by `pnpm notebooks` and the end-to-end test: Debian's (or pip's)
// Jupyter, and Deno's kernel from this package's node_modules. The kernelspec is written into a folder of our
// own on JUPYTER_PATH rather than by `deno jupyter --install`, which always writes to ~/.local/share/jupyter
// (it ignores JUPYTER_DATA_DIR) and would point every checkout's notebooks at whichever one installed last.

const run = promisify(execFile);

export const NOTEBOOKS_DIR = import.meta.dirname;

/** The kernel name the TypeScript notebooks ask for: the one `deno jupyter --install` registers. */
export const DENO_KERNEL = 'deno';

/** The deno binary this package installed. Its npm launcher (bin.cjs) finds it; Deno itself says where. */
export async function denoExecutable(): Promise<string> {
  const launcher = join(dirname(createRequire(import.meta.url).resolve('deno/package.json')), 'bin.cjs');
  const { stdout } = await run(process.execPath, [launcher, 'eval', 'console.log(Deno.execPath())'], {
    timeout: 30_000,
  });
  const executable = stdout.trim();
  if (!existsSync(executable)) throw new Error(`deno reported ${executable}, which does not exist`);
  return executable;
}

/** Writes Deno's kernelspec under `dataDir/kernels/deno`; returns `dataDir`, to put on JUPYTER_PATH. */
export async function writeDenoKernelSpec(dataDir: string): Promise<string> {
  const deno = await denoExecutable();
  const kernelDir = join(dataDir, 'kernels', DENO_KERNEL);
  mkdirSync(kernelDir, { recursive: true });
  const spec = {
    argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'Deno',
    language: 'typescript',
  };
  writeFileSync(join(kernelDir, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);
  return dataDir;
}

/** Where Jupyter is, or null: Debian's python3-nbconvert installs /usr/bin/jupyter. */
export async function jupyterVersion(): Promise<string | null> {
  try {
    const { stdout } = await run('jupyter', ['nbconvert', '--version'], { timeout: 30_000 });
    return stdout.trim();
  } catch {
    return null;
  }
}

/** The environment a notebook's kernel runs in: the API it reads and where Jupyter finds Deno's kernel. */
export function notebookEnv(apiUrl: string, jupyterPath: string): NodeJS.ProcessEnv {
  const path = [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(':');
  // Deno's unstable-feature warning goes to the kernel's stderr; keep Deno from asking to update itself.
  return { ...process.env, IMR_API_URL: apiUrl, JUPYTER_PATH: path, DENO_NO_UPDATE_CHECK: '1' };
}
