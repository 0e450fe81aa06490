import { describe, expect, it } from 'vitest';
import { normaliseText } from '../text/normalise-text';
import { detectLayout } from './detect-layout';
import { readLayoutFixture } from './layout-fixtures';

const detect = (raw: string): string | null => detectLayout(normaliseText(raw).text)?.name ?? null;

describe('detectLayout', () => {
  it('chooses the layout by its decision section wording', () => {
    expect(
      detect('HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\nX: Upheld'),
    ).toBe('issues-decisions-2014');
    expect(detect('IMR ISSUES, DECISIONS AND\nRATIONALES')).toBe('issues-decisions-2014');
    expect(detect(readLayoutFixture('decisions-and-rationales.txt'))).toBe('decisions-and-rationales');
    expect(detect(readLayoutFixture('notice-2013-two-items.txt'))).toBe('notice-2013');
    expect(detect(readLayoutFixture('notice-2013-expedited.txt'))).toBe('notice-2013');
  });

  it('finds no layout in text without a decision section', () => {
    expect(detect('Dear Sir, please find enclosed the invoice for March.')).toBeNull();
  });
});
