import { describe, expect, it } from 'vitest';
import type { ParseContext } from '../parse-context';
import type { Citation } from '../types';
import { expandPages, readCitations } from './citations.section';

function context(): ParseContext {
  return { now: new Date('2026-01-01'), warnings: [] };
}

function read(text: string): Citation[] {
  return readCitations(text, 'IMR_REVIEWER', context()).map(({ text: _text, ...citation }) => citation);
}

describe('readCitations', () => {
  it('reads the 2016-17 form "MTUS <chapter> <edition>, Section(s): <topic>" into chapter and topic', () => {
    expect(
      read(
        'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy. Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies. Decision based on MTUS Acupuncture Treatment 2007.',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Chronic Pain Medical Treatment Guidelines',
        topic: 'Massage therapy',
        pages: [],
      },
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Knee Complaints',
        topic: 'Special Studies',
        pages: [],
      },
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Acupuncture Medical Treatment Guidelines',
        topic: null,
        pages: [],
      },
    ]);
  });

  it('splits "A, and B, and C" when each is an MTUS chapter of its own', () => {
    expect(
      read(
        'Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment, and Knee Complaints 2004, Section(s): Initial Care, and Postsurgical Treatment 2009, Section(s): Knee.',
      ).map((c) => [c.guideline, c.topic]),
    ).toEqual([
      ['General Approaches', 'Initial Approaches to Treatment'],
      ['Knee Complaints', 'Initial Care'],
      ['Postsurgical Treatment Guidelines', 'Knee'],
    ]);
  });

  it('does not take "based their decision on recommendation(s) outside of the MTUS Guidelines" for a citation', () => {
    expect(
      read(
        'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg, Walking aids.',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'ODG',
        guideline: 'Official Disability Guidelines',
        topic: 'Knee & Leg, Walking aids',
        pages: [],
      },
    ]);
  });

  it('reads "did not cite any medical evidence" as source NONE', () => {
    expect(
      readCitations(
        'The Claims Administrator did not cite any medical evidence for its decision.',
        'CLAIMS_ADMINISTRATOR',
        context(),
      ),
    ).toEqual([
      {
        citedBy: 'CLAIMS_ADMINISTRATOR',
        source: 'NONE',
        text: 'The Claims Administrator did not cite any medical evidence for its decision.',
      },
    ]);
  });

  it('maps MTUS chapter names onto the catalogue and keeps what follows as the topic', () => {
    expect(
      read(
        'Decision based on MTUS Chronic Pain Treatment Guidelines Chronic Pain Medical Treatment Guidelines Massage therapy Page(s): 60.',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Chronic Pain Medical Treatment Guidelines',
        topic: 'Massage therapy',
        pages: [60],
      },
    ]);
    expect(read('Decision based on MTUS ACOEM.')).toEqual([
      { citedBy: 'IMR_REVIEWER', source: 'MTUS', guideline: 'ACOEM', topic: null, pages: [] },
    ]);
    expect(
      read('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints, pages 303-305')[0],
    ).toMatchObject({
      source: 'MTUS',
      guideline: 'Low Back Complaints',
      topic: null,
      pages: [303, 304, 305],
    });
  });

  it('reads the 2016-17 wording: chapters named by edition with sections, the outside-MTUS announcement', () => {
    expect(
      read(
        'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter.',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Chronic Pain Medical Treatment Guidelines',
        topic: 'Physical medicine treatment',
        pages: [],
      },
      {
        citedBy: 'IMR_REVIEWER',
        source: 'ODG',
        guideline: 'Official Disability Guidelines',
        topic: 'Low Back Chapter',
        pages: [],
      },
    ]);
    expect(read('Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.')).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Low Back Complaints',
        topic: 'Special Studies',
        pages: [],
      },
    ]);
    expect(read('Decision based on MTUS Acupuncture Treatment 2007.')).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Acupuncture Medical Treatment Guidelines',
        topic: null,
        pages: [],
      },
    ]);
    expect(
      read(
        'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg, Durable medical equipment (DME).',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'ODG',
        guideline: 'Official Disability Guidelines',
        topic: 'Knee & Leg, Durable medical equipment (DME)',
        pages: [],
      },
    ]);
  });

  it('reads several "Decision based on" citations in one paragraph', () => {
    expect(
      read(
        'Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-80. Decision based on Non-MTUS Citation Other Medical Treatment Guideline or Medical Evidence: Title 8, California Code of Regulations, section 9792.20',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'MTUS',
        guideline: 'Chronic Pain Medical Treatment Guidelines',
        topic: 'Opioids',
        pages: [74, 75, 76, 77, 78, 79, 80],
      },
      {
        citedBy: 'IMR_REVIEWER',
        source: 'CCR',
        guideline: 'Title 8, California Code of Regulations',
        topic: 'section 9792.20',
        pages: [],
      },
    ]);
  });

  it('reads ODG, ACOEM outside MTUS and other literature', () => {
    expect(
      read(
        'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Massage Therapy',
      ),
    ).toEqual([
      {
        citedBy: 'IMR_REVIEWER',
        source: 'ODG',
        guideline: 'Official Disability Guidelines',
        topic: 'Low Back, Massage Therapy',
        pages: [],
      },
    ]);
    expect(
      read(
        'Decision based on Non-MTUS Citation ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12',
      )[0],
    ).toMatchObject({
      source: 'ACOEM',
      guideline: 'ACOEM Practice Guidelines',
    });
    expect(
      read(
        'Decision based on Non-MTUS Citation Other Medical Treatment Guideline or Medical Evidence: Spine 2010;35:1-9',
      )[0],
    ).toMatchObject({
      source: 'OTHER',
      guideline: 'Spine 2010;35:1-9',
      topic: null,
    });
  });

  it('keeps the citation as written in `text`', () => {
    const [citation] = readCitations('Decision based on MTUS\nACOEM.', 'CLAIMS_ADMINISTRATOR', context());
    expect(citation!.text).toBe('Decision based on MTUS ACOEM.');
  });
});

describe('expandPages', () => {
  it('expands ranges and lists', () => {
    expect(expandPages('58-60, 98', context())).toEqual([58, 59, 60, 98]);
    expect(expandPages('74-80', context())).toEqual([74, 75, 76, 77, 78, 79, 80]);
    expect(expandPages('30 and 32', context())).toEqual([30, 32]);
  });

  it('warns about a reversed or huge range instead of expanding it', () => {
    const ctx = context();
    expect(expandPages('80-74, 1-9000', ctx)).toEqual([]);
    expect(ctx.warnings).toEqual([
      "citation page range '80-74' is not a valid range",
      "citation page range '1-9000' is not a valid range",
    ]);
  });
});
