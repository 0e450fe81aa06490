import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from './phrase-matcher';
import { foldPlural, tokenizeTerms } from './term-tokens';

describe('tokenizeTerms', () => {
  it('splits letters from digits and folds plurals', () => {
    expect(tokenizeTerms("Norco 10/325mg, the patient's injections").map((token) => token.term)).toEqual([
      'norco',
      '10',
      '325',
      'mg',
      'the',
      'patient',
      'injection',
    ]);
  });

  it('keeps offsets into the lower-cased text', () => {
    const [token] = tokenizeTerms('  MRI');
    expect(token).toMatchObject({ raw: 'mri', start: 2, end: 5, isNumber: false });
  });

  it('caps long input', () => {
    expect(tokenizeTerms('a '.repeat(10_000)).length).toBe(1000);
  });
});

describe('foldPlural', () => {
  it.each([
    ['sessions', 'session'],
    ['therapies', 'therapy'],
    ['patches', 'patch'],
    ['braces', 'brace'],
    ['tens', 'tens'],
    ['process', 'process'],
    ['arthritis', 'arthritis'],
  ])('%s → %s', (word, folded) => {
    expect(foldPlural(word)).toBe(folded);
  });
});

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher(
    [
      ['voltaren', 'oral'],
      ['voltaren gel', 'gel'],
      ['gel', 'form'],
    ],
    'test',
  );

  it('takes the longest phrase at each position, left to right, without overlaps', () => {
    const matches = matcher.findAll(tokenizeTerms('Voltaren gel and a gel'));
    expect(matches.map((match) => [match.value, match.start, match.end])).toEqual([
      ['gel', 0, 2],
      ['form', 4, 5],
    ]);
  });

  it('rejects a phrase with no words, naming the dictionary', () => {
    expect(() => new PhraseMatcher([['--', 1]], 'drugs.data')).toThrow(/drugs\.data: phrase '--'/);
  });
});
