import { describe, expect, it } from 'vitest';
import { CACHED_READ_MS, PROBE_FILES, ReadAheadPace, SKIPPED_BATCHES } from './read-ahead-pace';

describe('ReadAheadPace', () => {
  it('keeps reading while files come from the device', () => {
    const pace = new ReadAheadPace();
    for (let batch = 0; batch < 50; batch++) {
      expect(pace.readNext()).toBe(true);
      pace.read(64, 64 * 0.17);
    }
  });

  it('lets batches pass after a probe found the files cached, then probes again', () => {
    const pace = new ReadAheadPace();
    expect(pace.readNext()).toBe(true);
    pace.read(64, 64 * CACHED_READ_MS * 0.25);
    for (let batch = 0; batch < SKIPPED_BATCHES; batch++) expect(pace.readNext()).toBe(false);
    expect(pace.readNext()).toBe(true);
    // The device is back: reading goes on.
    pace.read(64, 64 * 0.2);
    expect(pace.readNext()).toBe(true);
  });

  it('judges short batches only once they hold enough files', () => {
    const pace = new ReadAheadPace();
    pace.read(1, 0.001);
    expect(pace.readNext()).toBe(true);
    pace.read(PROBE_FILES - 2, (PROBE_FILES - 2) * 0.001);
    expect(pace.readNext()).toBe(true);
    pace.read(1, 0.001);
    expect(pace.readNext()).toBe(false);
  });

  it('ignores a batch whose files were all late', () => {
    const pace = new ReadAheadPace();
    for (let i = 0; i < 100; i++) pace.read(0, 0);
    expect(pace.readNext()).toBe(true);
  });
});
