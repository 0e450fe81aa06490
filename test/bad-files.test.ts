import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { imageOnlyPdf, letterPdf } from '../packages/parser/src/pdf/letter-pdf.fixture';
import { openStore } from '../packages/store/src/client';

// A corpus of bad files beside good ones: every bad file is recorded with a reason, every good one stored, and the
// run never stops. (Unreadable files: the suite runs as root here, which reads anything; a dangling symlink stands
// in for a file that cannot be opened.)

const LETTERS = join(import.meta.dirname, 'fixtures/letters');
const SECTION_HEADINGS = [
  'CLINICAL CASE SUMMARY',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'Claims Administrator guideline',
  'Decision rationale',
];

let dir: string;
let input: string;
const good: string[] = [];
const bad: string[] = [];
const truncated: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-bad-files-'));
  input = join(dir, 'in');
  mkdirSync(input);
  const seed = readFileSync(join(LETTERS, '004_6ce1d391e6f9f476.txt'), 'utf8');
  const put = (name: string, content: string | Uint8Array, list: string[]) => {
    writeFileSync(join(input, name), content);
    list.push(join(input, name));
  };
  // Good letters in damaged encodings: they must be stored.
  put(
    'utf16.txt',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(readFileSync(join(LETTERS, '000_22ea74b3c5d160b8.txt'), 'utf8'), 'utf16le'),
    ]),
    good,
  );
  put(
    'crlf.txt',
    readFileSync(join(LETTERS, '002_a8a74136bbed82fe.txt'), 'utf8').replace(/\n/g, '\r\n'),
    good,
  );
  put('letter.pdf', await letterPdf(readFileSync(join(LETTERS, '003_cdf2d59eb5b7f7fa.txt'), 'utf8')), good);
  // Bad files: each must be recorded in ingest_errors.
  put('empty.txt', '', bad);
  put('binary.txt', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]), bad);
  put('no-text.pdf', await imageOnlyPdf(), bad);
  put('huge.txt', 'lorem ipsum dolor sit amet '.repeat(2_000_000), bad); // 54 MB, not a letter
  put('not-a-letter.md', '# Shopping list\n\n- eggs\n- milk\n', bad);
  symlinkSync(join(input, 'missing-target.txt'), join(input, 'dangling.txt'));
  bad.push(join(input, 'dangling.txt'));
  mkdirSync(join(input, 'loop'));
  symlinkSync(input, join(input, 'loop', 'back-to-top'));
  // Truncated at every section boundary: stored (with what was readable) or recorded, never lost.
  for (const heading of SECTION_HEADINGS) {
    const at = seed.indexOf(heading);
    put(`truncated-before-${heading.replace(/\W+/g, '-').toLowerCase()}.txt`, seed.slice(0, at), truncated);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingesting a corpus of bad files', () => {
  it('records every bad file with a reason, stores every good one, and loses nothing', async () => {
    const dbPath = join(dir, 'imr.db');
    const store = await openStore(dbPath);
    try {
      const report = await ingestFiles({ store, paths: [input], threads: 1 });
      const errors = await store.db.selectFrom('ingestErrors').select(['file', 'reason']).execute();
      const documents = await store.db.selectFrom('documents').select('sourcePath').execute();
      const recorded = new Map(errors.map((e) => [e.file, e.reason]));
      const stored = new Set(documents.map((d) => d.sourcePath));

      for (const file of good) expect(stored.has(file), `${file} stored`).toBe(true);
      for (const file of bad) {
        expect(recorded.get(file), `${file} recorded`).toEqual(expect.any(String));
        expect(recorded.get(file)?.length).toBeGreaterThan(3);
      }
      for (const file of truncated) {
        expect(stored.has(file) || recorded.has(file), `${file} stored or recorded`).toBe(true);
      }
      // Every regular input file is accounted for exactly once.
      const regular = readdirSync(input).filter(
        (f) => f.endsWith('.txt') || f.endsWith('.pdf') || f.endsWith('.md'),
      );
      const accounted = regular.filter((f) => stored.has(join(input, f)) || recorded.has(join(input, f)));
      expect(accounted.sort()).toEqual(regular.sort());
      expect(report.rejected).toBeGreaterThanOrEqual(bad.length);
      expect(report.stored).toBe(stored.size);
      // The symlink loop is reported, not followed forever.
      expect(
        [...recorded.entries()].some(([file, reason]) => file.includes('loop') && /loop|cycle/i.test(reason)),
      ).toBe(true);
    } finally {
      await store.close();
    }
  });
});
