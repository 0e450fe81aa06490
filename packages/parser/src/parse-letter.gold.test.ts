import { describe, expect, it } from 'vitest';
import { countGoldFields, goldMismatches } from './gold-comparison';
import { parseLetter } from './parse-letter';
import { loadSeedLetters } from './seed-letters.fixture';

const seeds = loadSeedLetters();

describe('parseLetter against seeds.gold.json', () => {
  it('covers all five seed letters', () => {
    expect(seeds.map((seed) => seed.name)).toHaveLength(5);
  });

  for (const seed of seeds) {
    it(`${seed.name}: every gold field matches`, () => {
      const result = parseLetter(seed.text);
      if (!result.ok) throw new Error(`${seed.name} did not parse: ${result.error}`);
      const { file: _file, ...gold } = seed.gold;
      expect(countGoldFields(gold)).toBeGreaterThan(20);
      expect(goldMismatches(gold, result.letter)).toEqual([]);
    });
  }

  it('reports the invalid request date of seed 004 as a warning', () => {
    const seed = seeds.find((s) => s.name.startsWith('004'))!;
    const result = parseLetter(seed.text);
    expect(result.ok && result.letter.warnings).toEqual(["request date '21/1/14' is not a valid date"]);
  });

  it('keeps the seed letters free of warnings otherwise', () => {
    for (const seed of seeds.filter((s) => !s.name.startsWith('004'))) {
      const result = parseLetter(seed.text);
      expect(result.ok && result.letter.warnings, seed.name).toEqual([]);
    }
  });
});

describe('goldMismatches', () => {
  it('names each differing field with its path', () => {
    expect(goldMismatches({ a: 1, b: [{ c: null }] }, { a: 2, b: [{ c: 'x' }, {}] })).toEqual([
      'a: expected 1, got 2',
      'b: expected 1 entries, got 2',
      'b[0].c: expected null, got "x"',
    ]);
  });

  it('ignores fields the gold answer does not have', () => {
    expect(goldMismatches({ a: 1 }, { a: 1, extra: true })).toEqual([]);
  });
});
