import { describe, expect, it } from 'vitest';
import type { ParseContext } from '../parse-context';
import { readDeterminationItems } from './determination-items.section';

const context = (): ParseContext => ({ now: new Date('2026-01-01'), warnings: [] });

// Constructed in the shape of the 2016-17 letters (not their text): headings wrap, outcome words wrap.
const SECTION = [
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  'Ibuprofen cream applied to the painful area three times a day, #30 grams with 2 refills, DOS:',
  '10/03/2016: Upheld',
  'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence.',
  'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical',
  'analgesics.',
  'Decision rationale: Not recommended here. The request is not medically necessary.',
  'A sling for the left arm for purchase to be worn after the operation on the shoulder next month as',
  'planned by the surgeon:',
  'Overturned',
  'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence.',
  'Decision rationale: Supported. The request is medically necessary.',
].join('\n');

describe('readDeterminationItems', () => {
  it('keeps a heading whole when it wraps after a "DOS:" label, instead of titling the item with the date', () => {
    const items = readDeterminationItems(SECTION, context());
    expect(items.map((item) => item.title)).toEqual([
      'Ibuprofen cream applied to the painful area three times a day, #30 grams with 2 refills, DOS: 10/03/2016',
      'A sling for the left arm for purchase to be worn after the operation on the shoulder next month as planned by the surgeon',
    ]);
  });

  it('gives outcome words on the line after a long heading to that heading', () => {
    const items = readDeterminationItems(SECTION, context());
    expect(items.map((item) => item.decision)).toEqual(['UPHELD', 'OVERTURNED']);
    expect(items[1]!.rationale).toBe('Supported. The request is medically necessary.');
  });
});
