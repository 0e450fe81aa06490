import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYOUTS } from '@imr/generator';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LAYOUT_HELP, registerGenerateCommand } from './generate.command';

const root = mkdtempSync(join(tmpdir(), 'imr-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerGenerateCommand(program);
  const messages: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    messages.push(parts.join(' '));
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await program.parseAsync(['node', 'imr', 'generate', ...args]);
  return messages.join('\n');
}

describe('imr generate', () => {
  it("its help lists exactly the generator's layouts", () => {
    expect(LAYOUT_HELP).toEqual(['mix', ...LAYOUTS]);
  });

  it('writes N letters in shard folders with one truth line per letter', async () => {
    const out = join(root, 'corpus');
    const message = await run(
      '--count',
      '12',
      '--out',
      out,
      '--seed',
      '5',
      '--shard-size',
      '5',
      '--workers',
      '0',
    );
    expect(process.exitCode).toBeUndefined();
    expect(message).toMatch(/wrote 12 letters/);
    expect(readdirSync(out).sort()).toEqual(['0000', '0001', '0002', 'corpus.json', 'truth.jsonl']);
    const files = ['0000', '0001', '0002'].flatMap((shard) =>
      readdirSync(join(out, shard)).map((f) => `${shard}/${f}`),
    );
    expect(files).toHaveLength(12);
    const truth = readFileSync(join(out, 'truth.jsonl'), 'utf8').trimEnd().split('\n');
    expect(truth).toHaveLength(12);
    const first = JSON.parse(truth[0]!) as { file: string; items: { title: string }[] };
    expect(files).toContain(first.file);
    expect(readFileSync(join(out, first.file), 'utf8')).toContain(first.items[0]!.title);
  });

  it('writes one layout when asked', async () => {
    const out = join(root, 'notices');
    await run('--count', '3', '--out', out, '--layout', 'notice-2013', '--workers', '0');
    const truth = readFileSync(join(out, 'truth.jsonl'), 'utf8').trimEnd().split('\n');
    for (const line of truth) expect(JSON.parse(line)).toMatchObject({ format: 'notice-2013' });
  });

  it('refuses a bad count or layout with a one-line error and exit code 1', async () => {
    expect(await run('--count', 'many', '--out', join(root, 'x'))).toMatch(
      /--count must be a whole number >= 0, got "many"/,
    );
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(await run('--count', '1', '--out', join(root, 'x'), '--layout', 'fax')).toMatch(
      /--layout must be one of mix, /,
    );
    expect(process.exitCode).toBe(1);
  });
});
