import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Run as `pnpm codegen` runs it (under tsx, one graphql module): the vitest process loads graphql twice (ESM
// for sources, CommonJS for Pothos), and graphql refuses to print a schema across the two.
const SCRIPT = fileURLToPath(new URL('./print-schema.ts', import.meta.url));

it('the committed schema.graphql matches the schema (run `pnpm codegen` after changing types)', () => {
  let stderr = '';
  try {
    execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, '--check'], { stdio: 'pipe' });
  } catch (error) {
    stderr = String((error as { stderr?: Buffer }).stderr ?? error);
  }
  expect(stderr).toBe('');
}, 60_000);
