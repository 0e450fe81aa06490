import { describe, expect, it } from 'vitest';
import { parseLetter } from '../parse-letter';
import type { ParsedLetter } from '../types';
import { readLayoutFixture } from './layout-fixtures';

function parse(name: string): ParsedLetter {
  const result = parseLetter(readLayoutFixture(name), { now: new Date('2026-01-01') });
  if (!result.ok) throw new Error(result.error);
  return result.letter;
}

describe('2013 notice layout', () => {
  it('reads the header, the dates stated in prose and the reviewer', () => {
    const letter = parse('notice-2013-two-items.txt');
    expect(letter).toMatchObject({
      caseNumber: 'CM13-0004321',
      format: 'notice-2013',
      dates: {
        assigned: '2013-09-23',
        injury: '2001-08-28',
        decision: '2013-09-26',
        urDenial: '2013-08-30',
        applicationReceived: '2013-09-06',
      },
      priority: 'STANDARD',
      reviewer: { specialties: ['Occupational Medicine'], subspecialties: [], licensedIn: ['CA'] },
      patient: { age: 44, sex: 'FEMALE' },
      diagnoses: ['lumbar radiculopathy', 'chronic pain syndrome', 'depression'],
      warnings: [],
    });
    expect(letter.summary).toMatch(/^"The patient is a 44 year-old female/);
    expect(letter.summary).not.toContain('Disclaimer');
  });

  it('reads each numbered decision once although the list is printed twice, "notmedically" included', () => {
    const letter = parse('notice-2013-two-items.txt');
    expect(letter.items.map((item) => [item.title, item.decision])).toEqual([
      ['a 28 day functional restoration program', 'UPHELD'],
      ['Norco 10/325mg #120', 'OVERTURNED'],
    ]);
  });

  it('reads the guideline paragraphs of each item section, two sources in one sentence included', () => {
    const [program, norco] = parse('notice-2013-two-items.txt').items;
    expect(program!.citations).toMatchObject([
      {
        citedBy: 'CLAIMS_ADMINISTRATOR',
        source: 'MTUS',
        guideline: 'Chronic Pain Medical Treatment Guidelines',
        topic: 'Functional Restoration Programs',
        pages: [30, 31, 32],
      },
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Chronic Pain Medical Treatment Guidelines',
        topic: 'Chronic pain programs (functional restoration programs)',
        pages: [30, 31, 32, 49],
      },
    ]);
    expect(norco!.citations).toMatchObject([
      { citedBy: 'CLAIMS_ADMINISTRATOR', source: 'NONE' },
      { citedBy: 'IMR_REVIEWER', source: 'MTUS', topic: 'Opioids', pages: [74, 75, 76, 77, 78, 79, 80] },
      {
        citedBy: 'IMR_REVIEWER',
        source: 'ODG',
        guideline: 'Official Disability Guidelines',
        topic: 'Pain Chapter, Opioids',
        pages: [],
      },
    ]);
  });

  it('keeps the rationale unwrapped, without page footers or the closing "Effect of the Decision"', () => {
    const [program, norco] = parse('notice-2013-two-items.txt').items;
    expect(program!.rationale).toMatch(
      /^The MTUS recommends a functional restoration program when an adequate/,
    );
    expect(program!.rationale).toMatch(/is not medically necessary and appropriate\.$/);
    expect(norco!.rationale).toMatch(/Norco 10\/325mg #120 is medically necessary and appropriate\.$/);
    for (const item of [program!, norco!]) {
      expect(item.rationale).not.toMatch(/Page \d of|CM13-|\n|Effect of the Decision/);
    }
  });

  it('reads an expedited notice whose reviewer adopted the claims administrator guideline', () => {
    const letter = parse('notice-2013-expedited.txt');
    expect(letter).toMatchObject({
      caseNumber: 'CM13-0051234',
      format: 'notice-2013',
      priority: 'EXPEDITED',
      dates: { injury: '2012-03-02', decision: '2013-11-04', urDenial: '2013-10-21' },
      reviewer: { specialties: ['Orthopedic Surgery'], subspecialties: ['Hand Surgery'], licensedIn: ['TX'] },
      patient: { age: 38, sex: 'MALE' },
      diagnoses: ['right wrist sprain'],
    });
    expect(letter.items).toHaveLength(1);
    const chapter = {
      source: 'MTUS',
      guideline: 'Forearm, Wrist, and Hand Complaints',
      topic: null,
      pages: [268, 269],
    };
    expect(letter.items[0]).toMatchObject({
      title: 'MRI of the right wrist',
      decision: 'OVERTURNED',
      citations: [
        { citedBy: 'CLAIMS_ADMINISTRATOR', ...chapter },
        { citedBy: 'IMR_REVIEWER', ...chapter },
      ],
    });
  });
});
