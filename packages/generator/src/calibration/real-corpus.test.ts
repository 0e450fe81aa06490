import { describe, expect, it } from 'vitest';
import { REAL_2016_17_PROFILE } from './real-2016-17.profile';
import { locateRealCorpus, readRealLetters } from './real-corpus';

describe('locateRealCorpus', () => {
  it('says where it looked when the real letters are absent', () => {
    const location = locateRealCorpus('/nonexistent/checkout/imr');
    expect(location).toEqual({
      dir: null,
      reason: expect.stringContaining('/nonexistent/checkout/shared/corpus/real-2016-17 does not exist'),
    });
  });
});

// The committed profile was measured on these letters. Checked here on figures that parser and PDF work
// elsewhere should not move (letters, overturned items, Californian reviewers); item counts, categories and
// lengths move as the reading of real letters improves: re-run `pnpm --filter @imr/generator
// measure-real-letters` then.
const location = locateRealCorpus();
const reason = location.dir === null ? location.reason : '';
if (location.dir === null && process.env.CI) {
  it('finds the real letters in ../shared (required under CI)', () => {
    throw new Error(reason);
  });
} else if (location.dir === null) {
  describe.skip(`real letters [skipped: ${reason}]`, () => {});
} else {
  const { dir, files } = location;
  describe('the calibration profile against the real letters', { timeout: 180_000 }, () => {
    it('was measured on every real letter, whose decisions and licences it still states', async () => {
      const letters = await readRealLetters(dir, files);
      expect(letters.length).toBe(REAL_2016_17_PROFILE.letters);
      const items = letters.flatMap((l) => l.letter.items);
      const overturned = items.filter((item) => item.decision === 'OVERTURNED').length;
      expect(overturned).toBe(REAL_2016_17_PROFILE.decisions.OVERTURNED);
      const californian = letters.filter((l) => l.letter.reviewer.licensedIn.includes('CA')).length;
      expect(californian).toBe(REAL_2016_17_PROFILE.licenceStates.CA);
    });
  });
}
