import { describe, expect, it } from 'vitest';
import type { ParseContext } from '../parse-context';
import { isoDate, readStatedDate } from './date-token';

const now = new Date('2026-11-22T00:00:00Z');

describe('isoDate', () => {
  it('reads month/day/year with four- and two-digit years', () => {
    expect(isoDate('10/22/2013', now)).toBe('2013-10-22');
    expect(isoDate('9/20/10', now)).toBe('2010-09-20');
    expect(isoDate('06-20-2008', now)).toBe('2008-06-20');
  });

  it('resolves two-digit years to the latest year not in the future', () => {
    expect(isoDate('3/16/84', now)).toBe('1984-03-16');
    expect(isoDate('11/21/26', now)).toBe('2026-11-21');
    expect(isoDate('11/23/26', now)).toBe('1926-11-23');
    expect(isoDate('1/1/99', new Date('2099-06-01T00:00:00Z'))).toBe('2099-01-01');
  });

  it('reads month names', () => {
    expect(isoDate('August 30, 2013', now)).toBe('2013-08-30');
    expect(isoDate('Sept. 3, 2014', now)).toBe('2014-09-03');
  });

  it('refuses impossible dates', () => {
    expect(isoDate('21/1/14', now)).toBeNull();
    expect(isoDate('2/30/2014', now)).toBeNull();
    expect(isoDate('2/29/2016', now)).toBe('2016-02-29');
    expect(isoDate('13/13/13', now)).toBeNull();
  });
});

describe('readStatedDate', () => {
  it('warns about an impossible date instead of guessing', () => {
    const context: ParseContext = { now, warnings: [] };
    expect(readStatedDate('21/1/14', 'request', context)).toBeNull();
    expect(context.warnings).toEqual(["request date '21/1/14' is not a valid date"]);
  });
});
