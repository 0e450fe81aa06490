import { describe, expect, it } from 'vitest';
import type { ParseContext } from '../parse-context';
import { readProseDates } from './prose-dates.section';

function read(prose: string): ReturnType<typeof readProseDates> {
  const context: ParseContext = { now: new Date('2026-01-01'), warnings: [] };
  return readProseDates(prose, context);
}

describe('readProseDates', () => {
  it.each([
    ['The patient is a 49 year-old male with a date of injury of 06/20/2008.', '2008-06-20'],
    ['The injured worker is a 22-year-old female who reported an injury on 9/20/10.', '2010-09-20'],
    ['The claimant has an original date of injury of 5/7/2007.', '2007-05-07'],
    ['this is a 61-year-old female with a 3/16/84 date of injury.', '1984-03-16'],
    ['This is a patient who sustained a remote industrial injury on 09/15/1997.', '1997-09-15'],
  ])('reads the injury date from "%s"', (prose, injury) => {
    expect(read(prose).injury).toBe(injury);
  });

  it('reads the UR denial from "The utilization review dated ... denied"', () => {
    expect(read('The utilization review dated 10/22/2013 denied the request stating').urDenial).toBe(
      '2013-10-22',
    );
    expect(read('disputing the Utilization Review Denial dated 8/30/2013.').urDenial).toBe('2013-08-30');
  });

  it('does not take a utilization review date that is not said to deny', () => {
    expect(read('The utilization review dated 10/22/2013 was reviewed.').urDenial).toBeUndefined();
  });
});

describe('readProseDates across hard wraps', () => {
  it('reads a UR denial whose "non-certified" is hyphenated over two lines', () => {
    expect(
      read('A request for 24 sessions was non-\ncertified at utilization review on 7/28/2014.').urDenial,
    ).toBe('2014-07-28');
  });
});

describe('readProseDates in capitals', () => {
  it('reads phrases written in capitals', () => {
    expect(read('DATE OF INJURY: 3/4/2011. THE UTILIZATION REVIEW DENIAL DATED 5/6/2014.')).toEqual({
      injury: '2011-03-04',
      urDenial: '2014-05-06',
    });
  });
});
