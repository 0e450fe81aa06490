import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The SDK reads only the SDL: no file of it may import the server package (by name or by path), so it installs
// and builds without the server's native dependencies.

const SDK_DIR = resolve(import.meta.dirname, '..');
const SKIPPED = new Set(['node_modules', 'dist']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs|json|graphql)$/.test(name) ? [path] : [];
  });
}

const SERVER_IMPORT =
  /(from\s+|import\s*\(\s*|require\s*\(\s*)['"](@imr\/server|[./]*\/?packages\/server|(\.\.\/)+server)\b/;

describe('the SDK package boundary', () => {
  it('has no file importing @imr/server or the server sources', () => {
    const files = sourceFiles(SDK_DIR);
    expect(files.length).toBeGreaterThan(10);
    // This file is skipped: its own examples of what a server import looks like would match.
    const offenders = files.filter(
      (f) => f !== import.meta.filename && SERVER_IMPORT.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(SDK_DIR, f))).toEqual([]);
  });

  it('does not depend on the server package', () => {
    const pkg = JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8')) as Record<string, unknown>;
    const deps = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((k) =>
      Object.keys((pkg[k] as Record<string, string> | undefined) ?? {}),
    );
    expect(deps).not.toContain('@imr/server');
  });

  it('recognises a server import when there is one', () => {
    expect(SERVER_IMPORT.test("import { schema } from '@imr/server';")).toBe(true);
    expect(SERVER_IMPORT.test("import { buildApp } from '../../server/src/yoga';")).toBe(true);
    expect(SERVER_IMPORT.test("const s = await import('@imr/server/schema');")).toBe(true);
    expect(SERVER_IMPORT.test("import { toRows } from './to-rows.js';")).toBe(false);
  });
});
