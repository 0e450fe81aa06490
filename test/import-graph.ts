import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The workspace's import graph, read from the sources as text: every file's imports (type-only ones too: a
// cycle of types still ties two modules' meaning together), resolved the way the bundler and tsx resolve them
// (relative paths without extensions, `@imr/<package>` through its package.json `exports`).

export const ROOT = join(import.meta.dirname, '..');

/** Where the sources live: each package's `src` and `test-support`, and the cross-package folders. */
const SOURCE_FOLDERS = ['test', 'bench', 'notebooks', 'scripts'];
const SKIPPED = new Set(['node_modules', 'dist', 'generated', 'fixtures']);
// At the start of a statement, so that an import quoted in a string (a test of a rule about imports) is not one.
const IMPORT =
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    if (SKIPPED.has(name)) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

export interface WorkspacePackage {
  name: string;
  dir: string;
  exports: Record<string, unknown>;
  declared: Set<string>;
}

export function workspacePackages(): WorkspacePackage[] {
  const packagesDir = join(ROOT, 'packages');
  return readdirSync(packagesDir)
    .filter((name) => existsSync(join(packagesDir, name, 'package.json')))
    .map((name) => {
      const dir = join(packagesDir, name);
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        exports?: Record<string, unknown>;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      return {
        name: json.name,
        dir,
        exports: json.exports ?? {},
        declared: new Set([
          ...Object.keys(json.dependencies ?? {}),
          ...Object.keys(json.devDependencies ?? {}),
        ]),
      };
    });
}

function fileOf(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // Sources import their siblings as `./x.js` (the SDK) and mean `./x.ts`.
  if (base.endsWith('.js')) return fileOf(base.slice(0, -3));
  return null;
}

/** The target of an export entry: a path, or the source condition of a conditional one. */
function exportTarget(entry: unknown): string | null {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const conditions = entry as Record<string, unknown>;
    return exportTarget(conditions['@imr/source'] ?? conditions.import ?? conditions.default);
  }
  return null;
}

function resolveWorkspaceImport(pkg: WorkspacePackage, subpath: string): string | null {
  const exact = exportTarget(pkg.exports[subpath]);
  if (exact) return fileOf(join(pkg.dir, exact));
  for (const [pattern, entry] of Object.entries(pkg.exports)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
    const target = exportTarget(entry);
    if (target) return fileOf(join(pkg.dir, target.replace('*', matched)));
  }
  return null;
}

/** Whether an odd number of quotes stands before `at` on its line: an import written inside a string. */
function insideString(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  return [`'`, '"', '`'].some((quote) => line.split(quote).length % 2 === 0);
}

export interface ImportGraph {
  /** File → the workspace files it imports (paths relative to the repository root). */
  edges: Map<string, Set<string>>;
  /** Imports of `@imr/*` that resolve to nothing: a misspelt path or a missing export. */
  unresolved: string[];
  /** `@imr/*` imports a package makes without declaring the package in its package.json. */
  undeclared: string[];
}

export function readImportGraph(): ImportGraph {
  const packages = workspacePackages();
  const byName = new Map(packages.map((p) => [p.name, p]));
  const files = [
    ...packages.flatMap((p) => [
      ...sourceFiles(join(p.dir, 'src')),
      ...sourceFiles(join(p.dir, 'test-support')),
    ]),
    ...SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))),
  ];
  const edges = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  const undeclared: string[] = [];
  for (const file of files) {
    const from = relative(ROOT, file);
    const targets = new Set<string>();
    const owner = packages.find((p) => file.startsWith(`${p.dir}/`));
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2] ?? match[3])!;
      if (insideString(text, match.index)) continue;
      let target: string | null = null;
      if (specifier.startsWith('.')) {
        target = fileOf(resolve(dirname(file), specifier));
      } else if (specifier.startsWith('@imr/')) {
        const [scope, name, ...rest] = specifier.split('/');
        const pkg = byName.get(`${scope}/${name}`);
        if (owner && pkg && pkg !== owner && !owner.declared.has(pkg.name)) {
          undeclared.push(`${from} imports ${pkg.name}`);
        }
        target = pkg ? resolveWorkspaceImport(pkg, rest.length === 0 ? '.' : `./${rest.join('/')}`) : null;
        if (!target) unresolved.push(`${from}: ${specifier}`);
      }
      if (target) targets.add(relative(ROOT, target));
    }
    edges.set(from, targets);
  }
  return { edges, unresolved, undeclared };
}

/** Each group of nodes that reach one another (Tarjan's strongly connected components), of two or more. */
export function cyclesOf(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || edges.get(node)?.has(node)) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/**
 * The package graph of what runs: which package (packages/<name>) imports which, from its production files.
 * A package's own tests may import a package above it (the API tests of a repository, say): they run last.
 */
export function packageEdges(edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const folderOf = (file: string) => {
    const parts = file.split('/');
    return parts[0] === 'packages' ? `packages/${parts[1]}` : parts[0]!;
  };
  const folders = new Map<string, Set<string>>();
  for (const [from, targets] of edges) {
    if (/\.test(-d)?\.ts$/.test(from) || !from.startsWith('packages/')) continue;
    const source = folderOf(from);
    const set = folders.get(source) ?? new Set<string>();
    for (const target of targets) if (folderOf(target) !== source) set.add(folderOf(target));
    folders.set(source, set);
  }
  return folders;
}
