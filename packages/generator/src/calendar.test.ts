import { describe, expect, it } from 'vitest';
import { dayOf, formatDate, isoDate } from './calendar';

describe('calendar', () => {
  it('turns day numbers into the same ISO dates as Date does, 1920-2030', () => {
    const wrong: string[] = [];
    for (let day = dayOf(1920, 1, 1); day <= dayOf(2030, 12, 31); day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoDate(day) !== expected) wrong.push(`${day}: ${isoDate(day)} != ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('prints dates the way letters do', () => {
    expect(formatDate(dayOf(1984, 3, 16), 'M/D/YY')).toBe('3/16/84');
    expect(formatDate(dayOf(2005, 1, 2), 'M/D/YY')).toBe('1/2/05');
    expect(formatDate(dayOf(2014, 10, 3), 'MM/DD/YYYY')).toBe('10/03/2014');
    expect(formatDate(dayOf(2014, 10, 3), 'M/D/YYYY')).toBe('10/3/2014');
  });
});
