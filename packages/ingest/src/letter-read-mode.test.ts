import { describe, expect, it } from 'vitest';
import { LetterReadMode, PARALLEL_CHUNKS, PROBE_FILES, SLOW_READ_MS } from './letter-read-mode';

describe('LetterReadMode', () => {
  it('reads synchronously while files come fast', () => {
    const mode = new LetterReadMode();
    for (let chunk = 0; chunk < 50; chunk++) {
      expect(mode.parallel()).toBe(false);
      mode.readSynchronously(64, 64 * 0.02);
    }
  });

  it('reads in parallel after a slow synchronous chunk, then probes again', () => {
    const mode = new LetterReadMode();
    expect(mode.parallel()).toBe(false);
    mode.readSynchronously(64, 64 * SLOW_READ_MS * 4);
    for (let chunk = 0; chunk < PARALLEL_CHUNKS; chunk++) expect(mode.parallel()).toBe(true);
    expect(mode.parallel()).toBe(false);
    mode.readSynchronously(64, 64 * 0.02);
    expect(mode.parallel()).toBe(false);
  });

  it('ignores a chunk without files', () => {
    const mode = new LetterReadMode();
    mode.readSynchronously(0, 100);
    expect(mode.parallel()).toBe(false);
  });

  it('does not judge by one slow file of a short chunk', () => {
    const mode = new LetterReadMode();
    mode.readSynchronously(1, 7);
    expect(mode.parallel()).toBe(false);
    // Pooled with fast files that follow, the mean stays under the mark.
    mode.readSynchronously(PROBE_FILES, PROBE_FILES * 0.02);
    expect(mode.parallel()).toBe(false);
  });

  it('pools short chunks until there are enough files, then judges their mean', () => {
    const mode = new LetterReadMode();
    for (let i = 0; i < PROBE_FILES - 1; i++) {
      mode.readSynchronously(1, SLOW_READ_MS * 3);
      expect(mode.parallel()).toBe(false);
    }
    mode.readSynchronously(1, SLOW_READ_MS * 3);
    expect(mode.parallel()).toBe(true);
  });
});
