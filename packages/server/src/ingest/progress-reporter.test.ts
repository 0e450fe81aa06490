import { describe, expect, it } from 'vitest';
import type { IngestProgress } from './ingest-progress';
import { formatIngestSummary } from './ingest-summary';
import { progressLine, rateAndEta } from './progress-reporter';

const progress: IngestProgress = {
  done: 1200,
  found: 1500,
  total: 5000,
  stored: 1100,
  alreadyPresent: 90,
  updated: 0,
  rejected: 10,
  skipped: 3,
  elapsedSeconds: 2,
};

describe('progress lines', () => {
  it('show done/total, rate and the time left at that rate', () => {
    expect(rateAndEta(progress)).toEqual({ rate: 600, eta: '6s' });
    expect(progressLine('ingest', progress)).toBe(
      'ingest: 1200/5000 (24%) letters · 600 letters/s · ETA 6s · 10 rejected',
    );
  });

  it('say the total is still being counted', () => {
    expect(progressLine('ingest', { ...progress, total: null })).toBe(
      'ingest: 1200/1500+ letters · 600 letters/s · ETA counting… · 10 rejected',
    );
  });
});

describe('formatIngestSummary', () => {
  it('lists every outcome, the rejection reasons and the rate', () => {
    const text = formatIngestSummary({
      runId: 7,
      parserVersion: '1.0.0',
      stored: 1100,
      alreadyPresent: 90,
      updated: 0,
      rejected: 10,
      skipped: 3,
      rejections: [
        { reason: 'not an IMR letter', count: 8 },
        { reason: 'empty file', count: 2 },
      ],
      seconds: 2,
      lettersPerSecond: 600,
    });
    expect(text).toContain('ingested (run 7, parser 1.0.0):');
    expect(text).toMatch(/stored\s+1100\n/);
    expect(text).toMatch(/rejected\s+10\n\s+8 {2}not an IMR letter\n\s+2 {2}empty file\n/);
    expect(text).toMatch(/skipped\s+3 {2}\(unsupported extension\)/);
    expect(text).toContain('1200 letters in 2.0 s (600 letters/s)');
  });
});
