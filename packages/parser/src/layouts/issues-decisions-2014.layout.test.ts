import { describe, expect, it } from 'vitest';
import { parseLetter } from '../parse-letter';
import { loadSeedLetters } from '../seed-letters.fixture';
import type { ParsedLetter } from '../types';

const seeds = loadSeedLetters();
const seed = (prefix: string): string => seeds.find((s) => s.name.startsWith(prefix))!.text;

function parse(text: string): ParsedLetter {
  const result = parseLetter(text);
  if (!result.ok) throw new Error(result.error);
  return result.letter;
}

const SEED_001_HEADER = {
  caseNumber: 'CM14-0166055',
  format: 'header-block',
  dates: {
    assigned: '2014-10-13',
    injury: '1997-09-15',
    decision: '2014-11-25',
    urDenial: '2014-10-03',
    applicationReceived: '2014-10-08',
  },
  priority: 'STANDARD',
};

/** Seed 001 with its header block rewritten by `rewrite` (the body is unchanged). */
function withHeader(rewrite: (header: string) => string): string {
  const text = seed('001');
  const bodyStart = text.indexOf('### HOW THE IMR');
  return rewrite(text.slice(0, bodyStart)) + text.slice(bodyStart);
}

describe('2014 layout read from PDF text', () => {
  it.each(['000', '002', '003', '004'])('seed %s is "pdf-text" with no header fields', (prefix) => {
    expect(parse(seed(prefix))).toMatchObject({ format: 'pdf-text', caseNumber: null, priority: null });
  });

  it('reads the credentials block (State(s) of Licensure / Certification(s)/Specialty) of seed 004', () => {
    expect(parse(seed('004')).reviewer).toEqual({
      specialties: ['Physical Medicine and Rehabilitation'],
      subspecialties: [],
      licensedIn: ['CA'],
    });
  });

  it('reads a subspecialty from the qualifications prose of seed 003', () => {
    expect(parse(seed('003')).reviewer.subspecialties).toEqual(['Interventional Spine']);
  });

  it('unwraps the rationale, keeping hyphenated word breaks ("flare-\\nup" → "flare-up")', () => {
    const [item] = parse(seed('003')).items;
    expect(item!.rationale).toContain('presented with a flare-up of his lower back pain');
    expect(item!.rationale).not.toContain('\n');
    expect(item!.rationale).toMatch(/^The utilization review dated 10\/22\/2013 denied the request/);
    expect(item!.rationale).toMatch(/recommendation is for approval\.$/);
  });

  it('keeps the clinical case summary without its boilerplate opening', () => {
    expect(parse(seed('000')).summary).toMatch(
      /^The injured worker is a 22-year-old female who reported an injury/,
    );
  });
});

describe('2014 layout with a Case Number header block', () => {
  it('reads the HTML header (<b> labels, tabs) and markdown headings of seed 001', () => {
    expect(parse(seed('001'))).toMatchObject(SEED_001_HEADER);
  });

  it('reads the same header as plain tab-separated text', () => {
    const text = withHeader((header) => header.replace(/<\/?b>/g, ''));
    expect(text).not.toContain('<b>');
    expect(parse(text)).toMatchObject(SEED_001_HEADER);
  });

  it('reads the same header in markdown bold', () => {
    const text = withHeader((header) => header.replace(/<b>(.*?)<\/b>/g, '**$1**').replace(/\t+/g, '  '));
    expect(text).toContain('**Case Number:**');
    expect(parse(text)).toMatchObject(SEED_001_HEADER);
  });

  it('reads labels and values on separate lines (one table cell per line)', () => {
    const text = withHeader((header) => header.replace(/<\/?b>/g, '').replace(/\t+/g, '\n'));
    expect(parse(text)).toMatchObject(SEED_001_HEADER);
  });

  it('reads an expedited priority', () => {
    const text = withHeader((header) => header.replace('Standard', 'Expedited'));
    expect(parse(text).priority).toBe('EXPEDITED');
  });
});
