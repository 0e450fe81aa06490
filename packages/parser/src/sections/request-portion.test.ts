import { describe, expect, it } from 'vitest';
import { readRequestPortion } from './request-portion';

describe('readRequestPortion', () => {
  it('reads the remaining IMR eligible portion as a partly certified request for what follows the comma', () => {
    expect(
      readRequestPortion('The remaining IMR eligible portion of the original request, Norco 10/325mg #35 is'),
    ).toEqual({ title: 'Norco 10/325mg #35', partiallyCertified: true });
  });

  it('reads "The original request, X is" (the whole request left IMR eligible after a partial certification)', () => {
    expect(readRequestPortion('The original request, purchase of a bath/shower chair is')).toEqual({
      title: 'purchase of a bath/shower chair',
      partiallyCertified: true,
    });
  });

  it('keeps a heading without the lead-in, even one ending in "is" or naming an original request', () => {
    expect(readRequestPortion('Gym membership')).toEqual({
      title: 'Gym membership',
      partiallyCertified: false,
    });
    expect(readRequestPortion('Analysis of the original request, X')).toEqual({
      title: 'Analysis of the original request, X',
      partiallyCertified: false,
    });
  });

  it('keeps a lead-in with nothing after it as written', () => {
    expect(readRequestPortion('The original request, is')).toEqual({
      title: 'The original request, is',
      partiallyCertified: false,
    });
  });

  it('reads the lead-in when extraction lost the spaces between its words', () => {
    expect(
      readRequestPortion('The remainingIMR eligible portion of the original request,Baclofen 100mg #3'),
    ).toEqual({
      title: 'Baclofen 100mg #3',
      partiallyCertified: true,
    });
  });
});
