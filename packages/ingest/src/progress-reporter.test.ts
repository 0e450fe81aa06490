import { describe, expect, it } from 'vitest';
import type { IngestProgress, IngestReport } from './ingest-progress';
import { formatIngestSummary } from './ingest-summary';
import { progressLine, rateAndEta } from './progress-reporter';

const progress: IngestProgress = {
  done: 1200,
  parsed: 1300,
  found: 1500,
  total: 5000,
  stored: 1100,
  alreadyPresent: 90,
  superseded: 0,
  updated: 0,
  rejected: 10,
  skipped: 3,
  elapsedSeconds: 2,
};

describe('progress lines', () => {
  it('show files read of the total, letters stored, the rate and the time left at that rate', () => {
    expect(rateAndEta(progress)).toEqual({ rate: 650, eta: '6s' });
    expect(progressLine('ingest', progress)).toBe(
      'ingest: 1300/5000 files read (26%) · 1190 letters stored · 10 rejected · 650 files/s · ETA 6s',
    );
  });

  it('say the total is still being counted', () => {
    expect(progressLine('ingest', { ...progress, total: null })).toBe(
      'ingest: 1300/1500+ files read · 1190 letters stored · 10 rejected · 650 files/s · ETA counting…',
    );
  });
});

const report: IngestReport = {
  runId: 7,
  parserVersion: '1.0.0',
  stored: 1100,
  alreadyPresent: 90,
  superseded: 0,
  updated: 0,
  rejected: 10,
  skipped: 3,
  rejections: [
    { reason: 'not an IMR letter', count: 8 },
    { reason: 'empty file', count: 2 },
  ],
  firstRejected: [
    { file: 'a/notes.txt', reason: 'not an IMR letter: no decision section found' },
    { file: 'a/empty.txt', reason: 'empty file' },
  ],
  seconds: 2,
  lettersPerSecond: 600,
};

describe('formatIngestSummary', () => {
  it('counts letters and other files apart, with the rejection reasons and the rate', () => {
    const text = formatIngestSummary(report);
    expect(text).toContain('ingested (run 7, parser 1.0.0):');
    expect(text).toMatch(/letters stored\s+1100\n/);
    expect(text).toMatch(/files rejected\s+10\n\s+8 {2}not an IMR letter\n\s+2 {2}empty file\n/);
    expect(text).toMatch(/files skipped\s+3 {2}\(not \.txt, \.md, \.html or \.pdf\)/);
    expect(text).toContain('1190 letters and 10 rejected files in 2.0 s (600 files/s)');
  });

  it('names the first rejected files and tells how to list them all', () => {
    const text = formatIngestSummary(report, { db: 'data/my.db' });
    expect(text).toContain(
      'first 2 rejected files:\n    a/notes.txt: not an IMR letter: no decision section found\n    a/empty.txt: empty file\n',
    );
    expect(text).toContain("pnpm --silent imr query --db data/my.db '{ ingestErrors(first: 100)");
  });

  it('says nothing of rejected files when there are none', () => {
    const text = formatIngestSummary({ ...report, rejected: 0, rejections: [], firstRejected: [] });
    expect(text).not.toContain('rejected files:');
    expect(text).not.toContain('ingestErrors');
  });
});
