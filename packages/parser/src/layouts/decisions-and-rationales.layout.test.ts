import { describe, expect, it } from 'vitest';
import { parseLetter } from '../parse-letter';
import type { ParsedLetter } from '../types';
import { readLayoutFixture } from './layout-fixtures';

function parse(): ParsedLetter {
  const result = parseLetter(readLayoutFixture('decisions-and-rationales.txt'));
  if (!result.ok) throw new Error(result.error);
  return result.letter;
}

describe('"IMR DECISION(S) AND RATIONALE(S)" layout', () => {
  it('reads the plain header block and keeps DOCUMENTS REVIEWED out of the summary', () => {
    const letter = parse();
    expect(letter).toMatchObject({
      caseNumber: 'CM16-0123456',
      format: 'decisions-and-rationales',
      dates: {
        assigned: '2016-07-01',
        injury: '2011-11-09',
        decision: '2016-08-12',
        urDenial: '2016-06-20',
        applicationReceived: '2016-06-27',
      },
      priority: 'STANDARD',
      reviewer: { specialties: ['Anesthesiology', 'Pain Medicine'], licensedIn: ['CA'] },
      patient: { age: 52, sex: 'MALE' },
      diagnoses: ['lumbar radiculopathy', 'lumbar degenerative disc disease'],
      warnings: [],
    });
    expect(letter.summary).toMatch(/^The injured worker is a 52-year-old male/);
    expect(letter.summary).not.toMatch(/documents were reviewed/);
  });

  it('reads overturned and partially overturned items with ODG and other-evidence citations', () => {
    const [injection, tramadol] = parse().items;
    expect(injection).toMatchObject({
      title: 'Right L4-L5 transforaminal epidural steroid injection',
      decision: 'OVERTURNED',
      citations: [
        {
          citedBy: 'CLAIMS_ADMINISTRATOR',
          source: 'MTUS',
          topic: 'Epidural steroid injections (ESIs)',
          pages: [46],
        },
        { citedBy: 'IMR_REVIEWER', source: 'MTUS', topic: 'Epidural steroid injections (ESIs)', pages: [46] },
      ],
    });
    expect(tramadol).toMatchObject({
      title: 'Tramadol ER 150mg #60',
      decision: 'PARTIALLY_OVERTURNED',
      citations: [
        { citedBy: 'CLAIMS_ADMINISTRATOR', source: 'NONE' },
        {
          citedBy: 'IMR_REVIEWER',
          source: 'ODG',
          guideline: 'Official Disability Guidelines',
          topic: 'Pain, Tramadol',
        },
        {
          citedBy: 'IMR_REVIEWER',
          source: 'OTHER',
          guideline: 'Manchikanti L, et al. Opioid epidemic in the United States. Pain Physician 2012',
          topic: null,
        },
      ],
    });
    expect(tramadol!.rationale).toBe(
      'Continued use is supported for one month to allow weaning; thirty tablets are certified and the remainder is not medically necessary.',
    );
  });
});
