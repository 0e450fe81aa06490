import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InputEntry, listInputFiles } from './list-input-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-list-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function list(paths: string[]): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  for await (const entry of listInputFiles(paths)) out.push({ ...entry, path: relative(dir, entry.path) });
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function touch(path: string, text = 'x'): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('listInputFiles', () => {
  it('walks folders recursively, marks other extensions as skipped', async () => {
    touch('a/1.txt');
    touch('a/b/2.PDF');
    touch('a/b/c/3.md');
    touch('a/b/c/4.html');
    touch('a/photo.jpg');
    touch('a/notes');
    expect(await list([join(dir, 'a')])).toEqual([
      { kind: 'letter', path: 'a/1.txt' },
      { kind: 'letter', path: 'a/b/2.PDF' },
      { kind: 'letter', path: 'a/b/c/3.md' },
      { kind: 'letter', path: 'a/b/c/4.html' },
      { kind: 'skipped', path: 'a/notes' },
      { kind: 'skipped', path: 'a/photo.jpg' },
    ]);
  });

  it('takes single files and globs, and reports paths that name nothing', async () => {
    touch('x/1.txt');
    touch('x/2.txt');
    touch('x/3.pdf');
    expect(
      await list([join(dir, 'x/1.txt'), `${dir}/x/*.pdf`, join(dir, 'missing.txt'), `${dir}/none/*.txt`]),
    ).toEqual([
      { kind: 'unreadable', path: 'missing.txt', reason: 'no such file or folder (ENOENT)' },
      { kind: 'unreadable', path: 'none/*.txt', reason: 'no file matches this pattern' },
      { kind: 'letter', path: 'x/1.txt' },
      { kind: 'letter', path: 'x/3.pdf' },
    ]);
  });

  it('follows symlinks once and reports loops and broken links instead of hanging', async () => {
    touch('root/1.txt');
    touch('elsewhere/2.txt');
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'root/linked'));
    symlinkSync(join(dir, 'root'), join(dir, 'root/up')); // a cycle back to the top
    symlinkSync(join(dir, 'root/self.txt'), join(dir, 'root/self.txt')); // a link to itself
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'root/dangling.txt'));
    const entries = await list([join(dir, 'root')]);
    expect(entries).toEqual([
      { kind: 'letter', path: 'root/1.txt' },
      { kind: 'unreadable', path: 'root/dangling.txt', reason: 'broken symlink (ENOENT)' },
      { kind: 'letter', path: 'root/linked/2.txt' },
      { kind: 'unreadable', path: 'root/self.txt', reason: 'symlink loop (ELOOP)' },
      { kind: 'unreadable', path: 'root/up', reason: 'symlink loop: links to a folder already walked' },
    ]);
  });

  it('walks folders a glob matches, and takes files only from a ** glob', async () => {
    touch('g/2014-01/1.txt');
    touch('g/2014-02/sub/2.txt');
    touch('g/2015-01/3.txt');
    expect(await list([`${dir}/g/2014-*`])).toEqual([
      { kind: 'letter', path: 'g/2014-01/1.txt' },
      { kind: 'letter', path: 'g/2014-02/sub/2.txt' },
    ]);
    expect(await list([`${dir}/g/**/*.txt`])).toEqual([
      { kind: 'letter', path: 'g/2014-01/1.txt' },
      { kind: 'letter', path: 'g/2014-02/sub/2.txt' },
      { kind: 'letter', path: 'g/2015-01/3.txt' },
    ]);
  });

  it('yields a folder given twice once', async () => {
    touch('d/1.txt');
    expect(await list([join(dir, 'd'), join(dir, 'd')])).toEqual([{ kind: 'letter', path: 'd/1.txt' }]);
  });

  it('reports a FIFO named like a letter rather than blocking on it', async () => {
    mkdirSync(join(dir, 'f'));
    execFileSync('mkfifo', [join(dir, 'f/pipe.txt')]);
    expect(await list([join(dir, 'f')])).toEqual([
      { kind: 'unreadable', path: 'f/pipe.txt', reason: 'not a regular file' },
    ]);
  });

  it('reports a FIFO matched by a glob, or named directly, rather than opening it', async () => {
    touch('g/1.txt');
    execFileSync('mkfifo', [join(dir, 'g/pipe.txt')]);
    const pipe = { kind: 'unreadable', path: 'g/pipe.txt', reason: 'not a regular file' };
    expect(await list([join(dir, 'g/*.txt')])).toEqual([{ kind: 'letter', path: 'g/1.txt' }, pipe]);
    expect(await list([join(dir, 'g/**/*.txt')])).toEqual([{ kind: 'letter', path: 'g/1.txt' }, pipe]);
    expect(await list([join(dir, 'g/pipe.txt')])).toEqual([pipe]);
  });

  it('names a file whose name is not UTF-8 for what it is, in a folder and under a glob', async () => {
    touch('n/1.txt');
    writeFileSync(Buffer.from(`${join(dir, 'n')}/bad-\xff\xfe.txt`, 'latin1'), 'x');
    const walked = await list([join(dir, 'n')]);
    const globbed = await list([join(dir, 'n/*.txt')]);
    for (const entries of [walked, globbed]) {
      expect(entries).toHaveLength(2);
      expect(entries).toContainEqual({ kind: 'letter', path: 'n/1.txt' });
      const bad = entries.find((entry) => entry.path !== 'n/1.txt');
      expect(bad).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/not valid UTF-8/) });
    }
  });

  // Root reads every folder whatever its mode, so this runs only as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports a folder it may not read', async () => {
    touch('locked/1.txt');
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      expect(await list([join(dir, 'locked')])).toEqual([
        { kind: 'unreadable', path: 'locked', reason: 'unreadable folder: permission denied (EACCES)' },
      ]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});
