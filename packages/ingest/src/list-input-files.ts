import { type Dirent, promises as fs, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import fg from 'fast-glob';

// Turns the command's PATH arguments (files, folders, globs) into a stream of input files, one at a time, so a
// folder of two million letters never sits in memory as a list. Folders are walked depth-first; symlinks are
// followed, with each folder visited once (a symlink back up the tree is reported, not followed forever).

export const LETTER_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.html', '.htm', '.pdf']);

export type InputEntry =
  /** A regular file with a letter extension. */
  | { kind: 'letter'; path: string }
  /** A file with another extension: counted in the summary, not an error. */
  | { kind: 'skipped'; path: string }
  /** A path that cannot be read as a file or folder; `reason` says why (it is recorded as an ingest error). */
  | { kind: 'unreadable'; path: string; reason: string };

export function hasLetterExtension(path: string): boolean {
  return LETTER_EXTENSIONS.has(extname(path).toLowerCase());
}

/**
 * Whether a path that was listed (or given) but cannot be found has a name that is not UTF-8. Node decodes
 * such a name with U+FFFD in place of the bad bytes, and the decoded name names no file.
 */
export function isUndecodableName(path: string): boolean {
  return path.includes('\uFFFD');
}

const UNDECODABLE_NAME =
  'file name is not valid UTF-8 (shown with \uFFFD for the bad bytes): it cannot be opened by name; rename it';

/** A short reason for a file-system error: "symlink loop", "permission denied (EACCES)"... */
export function describeFsError(error: unknown, path?: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' && path !== undefined && isUndecodableName(path)) return UNDECODABLE_NAME;
  switch (code) {
    case 'ELOOP':
      return 'symlink loop (ELOOP)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOENT':
      return 'no such file or folder (ENOENT)';
    case 'ENAMETOOLONG':
      return 'path too long (ENAMETOOLONG)';
    case 'EISDIR':
      return 'is a folder (EISDIR)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function classifyFile(path: string, stats: Stats | Dirent): InputEntry {
  if (!hasLetterExtension(path)) return { kind: 'skipped', path };
  // A FIFO or device named like a letter would block or stream forever when read.
  if (!stats.isFile()) return { kind: 'unreadable', path, reason: 'not a regular file' };
  return { kind: 'letter', path };
}

async function* walkFolder(root: string, visited: Set<string>): AsyncGenerator<InputEntry> {
  const stack = [root];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let dir: Awaited<ReturnType<typeof fs.opendir>>;
    try {
      dir = await fs.opendir(folder);
    } catch (error) {
      yield { kind: 'unreadable', path: folder, reason: `unreadable folder: ${describeFsError(error)}` };
      continue;
    }
    const subfolders: string[] = [];
    try {
      for await (const entry of dir) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          subfolders.push(path);
        } else if (entry.isSymbolicLink()) {
          const followed = await followSymlink(path, visited);
          if (followed === 'folder') subfolders.push(path);
          else if (followed) yield followed;
        } else if (isUndecodableName(entry.name) && !(await exists(path))) {
          yield { kind: 'unreadable', path, reason: UNDECODABLE_NAME };
        } else {
          yield classifyFile(path, entry);
        }
      }
    } catch (error) {
      yield { kind: 'unreadable', path: folder, reason: `folder listing failed: ${describeFsError(error)}` };
    }
    // Reversed so the walk descends in listing order.
    for (let i = subfolders.length - 1; i >= 0; i--) {
      const sub = subfolders[i]!;
      if (await markVisited(sub, visited)) stack.push(sub);
    }
  }
}

async function statAndClassify(path: string): Promise<InputEntry> {
  try {
    return classifyFile(path, await fs.stat(path));
  } catch (error) {
    return { kind: 'unreadable', path, reason: describeFsError(error, path) };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Records a folder by device and inode; false when it was already walked (a symlink cycle or a repeat). */
async function markVisited(folder: string, visited: Set<string>): Promise<boolean> {
  try {
    const stats = await fs.stat(folder);
    const id = `${stats.dev}:${stats.ino}`;
    if (visited.has(id)) return false;
    visited.add(id);
    return true;
  } catch {
    // Unreadable: let opendir report it.
    return true;
  }
}

async function followSymlink(path: string, visited: Set<string>): Promise<InputEntry | 'folder' | null> {
  let stats: Stats;
  try {
    stats = await fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'unreadable', path, reason: 'broken symlink (ENOENT)' };
    return { kind: 'unreadable', path, reason: describeFsError(error, path) };
  }
  if (stats.isDirectory()) {
    if (visited.has(`${stats.dev}:${stats.ino}`)) {
      return { kind: 'unreadable', path, reason: 'symlink loop: links to a folder already walked' };
    }
    return 'folder';
  }
  return classifyFile(path, stats);
}

/**
 * A glob's matches: files as they are, folders walked (so `letters/2014-*` takes those folders whole). A pattern
 * with `**` already reaches every file below, so it matches files only (a folder and its files would count twice).
 */
async function* expandGlob(pattern: string, visited: Set<string>): AsyncGenerator<InputEntry> {
  const recursive = pattern.includes('**');
  let matched = 0;
  // Unreadable folders under a glob are passed over by fast-glob; name a folder to have them reported.
  // Each match is classified by its stats, as a folder's entries are, so a pipe named like a letter is recorded,
  // never opened (opening one blocks). fast-glob's `onlyFiles` would drop it silently instead.
  const matches = fg.stream(pattern, {
    onlyFiles: false,
    markDirectories: true,
    followSymbolicLinks: true,
    dot: false,
    suppressErrors: true,
  });
  for await (const match of matches) {
    const path = String(match);
    if (recursive && path.endsWith('/')) continue;
    matched++;
    if (path.endsWith('/')) {
      const folder = path.slice(0, -1);
      if (await markVisited(folder, visited)) yield* walkFolder(folder, visited);
    } else {
      yield await statAndClassify(path);
    }
  }
  if (matched === 0) yield { kind: 'unreadable', path: pattern, reason: 'no file matches this pattern' };
}

/**
 * Yields every input file the arguments name: a file as is, a folder recursively, a glob (when no file or folder
 * has that literal name) the files it matches. An argument that names nothing is yielded as unreadable.
 */
export async function* listInputFiles(paths: readonly string[]): AsyncGenerator<InputEntry> {
  const visited = new Set<string>();
  for (const arg of paths) {
    let stats: Stats | null = null;
    let statError: unknown = null;
    try {
      stats = await fs.stat(arg);
    } catch (error) {
      statError = error;
    }
    if (stats?.isDirectory()) {
      if (await markVisited(arg, visited)) yield* walkFolder(arg, visited);
    } else if (stats) {
      yield classifyFile(arg, stats);
    } else if (fg.isDynamicPattern(arg)) {
      yield* expandGlob(arg, visited);
    } else {
      yield { kind: 'unreadable', path: arg, reason: describeFsError(statError, arg) };
    }
  }
}
