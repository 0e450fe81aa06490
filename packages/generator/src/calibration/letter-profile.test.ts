import type { DisputedItem } from '@imr/parser';
import { describe, expect, it } from 'vitest';
import { deciles, foldedLength, meanOf, profileLetters, type ReadLetter, shareOf } from './letter-profile';
import { compareProfiles } from './profile-comparison';

function item(overrides: Partial<DisputedItem>): DisputedItem {
  return {
    title: 'MRI of the lumbar spine',
    decision: 'UPHELD',
    partiallyCertified: false,
    category: 'DIAGNOSTIC_IMAGING',
    treatment: 'mri',
    drug: null,
    quantity: null,
    frequency: null,
    duration: null,
    bodyRegions: [],
    citations: [],
    rationale: 'short',
    ...overrides,
  };
}

function letter(items: DisputedItem[], specialties: string[], licensedIn: string[]): ReadLetter {
  return {
    caseNumber: null,
    format: 'pdf-2016',
    dates: { assigned: null, injury: null, decision: null, urDenial: null, applicationReceived: null },
    priority: null,
    reviewer: { specialties, subspecialties: [], licensedIn },
    patient: { age: null, sex: null },
    diagnoses: [],
    summary: 'A summary of twenty-nine chars',
    items,
    warnings: [],
  };
}

const LETTERS = [
  {
    text: 'one   two\n\nthree',
    letter: letter(
      [
        item({
          citations: [
            { citedBy: 'CLAIMS_ADMINISTRATOR', source: 'NONE' },
            { citedBy: 'IMR_REVIEWER', source: 'ODG', guideline: null, topic: null, pages: [] },
            { citedBy: 'IMR_REVIEWER', source: 'MTUS', guideline: null, topic: null, pages: [] },
            { citedBy: 'IMR_REVIEWER', source: 'MTUS', guideline: null, topic: null, pages: [1] },
          ],
        }),
        item({
          decision: 'OVERTURNED',
          category: 'PHARMACEUTICAL',
          drug: { name: 'Norco', generic: null, drugClass: 'OPIOID', strength: null, dispensed: null },
          rationale: 'a longer rationale',
        }),
      ],
      ['Pain Medicine', 'Anesthesiology'],
      ['CA', 'TX'],
    ),
  },
  { text: 'x', letter: letter([item({})], ['Pain Medicine'], ['CA']) },
];

describe('profileLetters', () => {
  const profile = profileLetters(LETTERS, 'two hand-made letters');

  it('counts letters by items, items by decision, category and drug class', () => {
    expect(profile).toMatchObject({ letters: 2, items: 3, itemsPerLetter: { '1': 1, '2': 1 } });
    expect(profile.decisions).toEqual({ UPHELD: 2, OVERTURNED: 1 });
    expect(profile.categories).toEqual({ DIAGNOSTIC_IMAGING: 2, PHARMACEUTICAL: 1 });
    expect(profile.drugClasses).toEqual({ OPIOID: 1 });
    expect(profile.treatments).toEqual({ DIAGNOSTIC_IMAGING: { mri: 2 } });
  });

  it('keys each item by the set of sources each party cites, empty when the party cites nothing', () => {
    expect(profile.citationSources.claimsAdministrator).toEqual({ '': 2, NONE: 1 });
    expect(profile.citationSources.reviewer).toEqual({ '': 2, 'MTUS+ODG': 1 });
  });

  it('counts letters per specialty and state, and how many each letter names', () => {
    expect(profile.specialties).toEqual({ 'Pain Medicine': 2, Anesthesiology: 1 });
    expect(profile.specialtiesPerLetter).toEqual({ '1': 1, '2': 1 });
    expect(profile.licenceStates).toEqual({ CA: 2, TX: 1 });
    expect(meanOf(profile.statesPerLetter)).toBe(1.5);
    expect(shareOf(profile.decisions, 'OVERTURNED')).toBeCloseTo(1 / 3);
  });

  it('measures lengths with whitespace folded, as deciles', () => {
    expect(foldedLength('one   two\n\nthree')).toBe('one two three'.length);
    expect(profile.letterLength[0]).toBe(1);
    expect(profile.letterLength[10]).toBe(13);
    expect(deciles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(deciles([])).toEqual(new Array(11).fill(0));
  });

  it('puts the same figures of two profiles side by side', () => {
    const other = profileLetters([LETTERS[1]!], 'one letter');
    const rows = compareProfiles(profile, other);
    expect(rows.find((row) => row.name === 'items per letter, mean')).toEqual({
      name: 'items per letter, mean',
      unit: 'items',
      real: 1.5,
      generated: 1,
    });
    expect(rows.find((row) => row.name === 'items overturned (overturn rate)')).toMatchObject({
      real: 33.3,
      generated: 0,
    });
    expect(rows.find((row) => row.name === 'letters licensed in CA')).toMatchObject({
      real: 100,
      generated: 100,
    });
  });
});
