import { describe, expect, it } from 'vitest';
import { matchStates, stateCode } from './state-lookup';
import { US_STATES } from './states.data';

describe('stateCode', () => {
  it.each([
    ['California', 'CA'],
    ['North Carolina', 'NC'],
    ['Illinois', 'IL'],
    ['NEW YORK', 'NY'],
    ['district of columbia', 'DC'],
    ['CA', 'CA'],
    ['ca', 'CA'],
    [' Texas ', 'TX'],
  ])('%s → %s', (name, code) => {
    expect(stateCode(name)).toBe(code);
  });

  it('knows all 50 states and DC', () => {
    expect(new Set(US_STATES.map((state) => state.code)).size).toBe(51);
    for (const state of US_STATES) expect(stateCode(state.names[0]!)).toBe(state.code);
  });

  it.each(['Narnia', 'XX', '', 'Carolina'])('%s is not a state', (name) => {
    expect(stateCode(name)).toBeNull();
  });
});

describe('matchStates', () => {
  it('reads a list in order', () => {
    expect(matchStates('California, Texas and New York')).toEqual(['CA', 'TX', 'NY']);
  });

  it('prefers the longer name (West Virginia is not Virginia)', () => {
    expect(matchStates('West Virginia and Virginia')).toEqual(['WV', 'VA']);
  });

  it('reads codes written in capitals', () => {
    expect(matchStates('CA, NV')).toEqual(['CA', 'NV']);
  });

  it('does not read English words as codes next to full names', () => {
    expect(matchStates('licensed in California OR Oregon')).toEqual(['CA', 'OR']);
    expect(matchStates('California IN good standing')).toEqual(['CA']);
  });

  it('does not read lower-case words as codes', () => {
    expect(matchStates('in or me')).toEqual([]);
  });
});
