import { describe, expect, it } from 'vitest';
import { readDuration, readFrequency, readQuantity } from './item-measures';

describe('gold headings', () => {
  it('TWELVE (12) MASSAGE THERAPY SESSIONS: 12 sessions, no schedule', () => {
    const title = 'TWELVE (12) MASSAGE THERAPY SESSIONS';
    expect(readQuantity(title)).toEqual({ count: 12, unit: 'session' });
    expect(readFrequency(title)).toBeNull();
    expect(readDuration(title)).toBeNull();
  });

  it('24 sessions, 2 times a month for 12 months', () => {
    const title = '24 Massage therapy sessions for the cervical spine (neck), 2 times a month for 12 months';
    expect(readQuantity(title)).toEqual({ count: 24, unit: 'session' });
    expect(readFrequency(title)).toEqual({ min: 2, max: 2, per: 'month' });
    expect(readDuration(title)).toEqual({ min: 12, max: 12, unit: 'month' });
  });

  it('2-3/WK FOR 8-12WKS: ranges, no quantity', () => {
    const title = 'ACTIVE TISSUE RELEASE 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER';
    expect(readQuantity(title)).toBeNull();
    expect(readFrequency(title)).toEqual({ min: 2, max: 3, per: 'week' });
    expect(readDuration(title)).toEqual({ min: 8, max: 12, unit: 'week' });
  });

  it('(1 TIME PER WEEK FOR 6 WEEKS)', () => {
    const title = 'MYOFASCIAL RELEASE THERAPY FOR THE LUMBAR SPINE (1 TIME PER WEEK FOR 6 WEEKS)';
    expect(readQuantity(title)).toBeNull();
    expect(readFrequency(title)).toEqual({ min: 1, max: 1, per: 'week' });
    expect(readDuration(title)).toEqual({ min: 6, max: 6, unit: 'week' });
  });

  it('6 manual massage therapy sessions', () => {
    expect(readQuantity('6 manual massage therapy sessions')).toEqual({ count: 6, unit: 'session' });
  });

  it('Dilaudid 4mg #90 has no quantity (the 90 is dispensed)', () => {
    expect(readQuantity('Dilaudid 4mg #90')).toBeNull();
    expect(readFrequency('Dilaudid 4mg #90')).toBeNull();
    expect(readDuration('Dilaudid 4mg #90')).toBeNull();
  });
});

describe('readQuantity', () => {
  it.each([
    ['Physical therapy x12', { count: 12, unit: 'session' }],
    ['Physical therapy #12', { count: 12, unit: 'session' }],
    ['Physical therapy x12 visits', { count: 12, unit: 'visit' }],
    ['12 visits of chiropractic care', { count: 12, unit: 'visit' }],
    ['six (6) sessions of acupuncture', { count: 6, unit: 'session' }],
    ['Physical therapy (12-sessions)', { count: 12, unit: 'session' }],
    ['Acupuncture 6-8 sessions', { count: 8, unit: 'session' }],
    ['Trigger point injections x 4', { count: 4, unit: 'injection' }],
    ['3 trigger point injections', { count: 3, unit: 'injection' }],
    ['Follow-up appointments x 2 appointments', { count: 2, unit: 'visit' }],
    ['Functional restoration program 160 hours', { count: 160, unit: 'hour' }],
  ])('%s → %o', (title, quantity) => {
    expect(readQuantity(title)).toEqual(quantity);
  });

  it.each([
    'PT 2x6',
    '3 sessions per week for 4 weeks',
    'L4-5 epidural steroid injection',
    'Norco 10/325 x 90',
    'MRI of the lumbar spine',
    '',
  ])('%s has no quantity', (title) => {
    expect(readQuantity(title)).toBeNull();
  });
});

describe('readFrequency', () => {
  it.each([
    ['PT 2x6', { min: 2, max: 2, per: 'week' }],
    ['PT 2x/week x 6 weeks', { min: 2, max: 2, per: 'week' }],
    ['3 times weekly for 4 weeks', { min: 3, max: 3, per: 'week' }],
    ['Chiropractic twice a week', { min: 2, max: 2, per: 'week' }],
    ['Psychotherapy once monthly', { min: 1, max: 1, per: 'month' }],
    ['3 sessions per week for 4 weeks', { min: 3, max: 3, per: 'week' }],
    ['Home health 7 days per week', { min: 7, max: 7, per: 'week' }],
    ['Acupuncture 1-2 times per week', { min: 1, max: 2, per: 'week' }],
    ['Omeprazole 20mg BID', { min: 2, max: 2, per: 'day' }],
    ['Tramadol 50mg q4-6h prn', { min: 4, max: 6, per: 'day' }],
    ['Aspirin 81mg daily', { min: 1, max: 1, per: 'day' }],
  ])('%s → %o', (title, frequency) => {
    expect(readFrequency(title)).toEqual(frequency);
  });

  it.each([
    'TWELVE (12) MASSAGE THERAPY SESSIONS',
    'Norco 10/325 #120',
    'Urine drug screen (DOS 10/03/2014)',
  ])('%s has no frequency', (title) => {
    expect(readFrequency(title)).toBeNull();
  });
});

describe('readDuration', () => {
  it.each([
    ['PT 2x6', { min: 6, max: 6, unit: 'week' }],
    ['PT 2x/week x 6 weeks', { min: 6, max: 6, unit: 'week' }],
    ['PT 2x/week x 6', { min: 6, max: 6, unit: 'week' }],
    ['3 times weekly for 4 weeks', { min: 4, max: 4, unit: 'week' }],
    ['Norco 10/325 1 month supply', { min: 1, max: 1, unit: 'month' }],
    ['Cold therapy unit rental for 7 days', { min: 7, max: 7, unit: 'day' }],
    ['Gym membership for one year', { min: 1, max: 1, unit: 'year' }],
    ['Home health 4-week trial', { min: 4, max: 4, unit: 'week' }],
  ])('%s → %o', (title, duration) => {
    expect(readDuration(title)).toEqual(duration);
  });

  it('a "days per week" schedule is not a duration', () => {
    expect(readDuration('Home health 5 days per week')).toBeNull();
  });

  it('the number dispensed is not a duration: "#60 day supply: 30"', () => {
    expect(readDuration('Oxycodone ER 20mg #60 day supply: 30')).toBeNull();
  });
});

describe('bad input', () => {
  it('reads a 5 MB heading of digits and letters without hanging and finds nothing invented', () => {
    const garbage = '1-2-3/x'.repeat(700_000);
    expect(readQuantity(garbage)).toBeNull();
    expect(readDuration(garbage)).toBeNull();
  });
});
