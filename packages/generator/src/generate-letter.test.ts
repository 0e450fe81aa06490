import { BODY_REGIONS, CATEGORIES, DECISIONS, DRUG_CLASSES } from '@imr/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanOf, shareOf } from './calibration/letter-profile';
import { REAL_2016_17_PROFILE as PROFILE } from './calibration/real-2016-17.profile';
import { LAYOUTS } from './draw-letter';
import { type GeneratedLetter, generateLetter } from './generate-letter';

const SAMPLE = 5000;
const SEED = 20261122;

/** Whitespace folded, the way a reader sees hard-wrapped text. */
function folded(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Hard-wrapped text joined back: lines meet with a space, or directly after a word-final hyphen. */
function unwrapped(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  let out = '';
  for (const line of lines) out += out.length === 0 || /[A-Za-z0-9]-$/.test(out) ? line : ` ${line}`;
  return out.replace(/\*\*/g, '').replace(/\s+/g, ' ');
}

describe('generateLetter', { timeout: 120_000 }, () => {
  let letters: GeneratedLetter[] = [];
  beforeAll(() => {
    letters = Array.from({ length: SAMPLE }, (_, i) => generateLetter(SEED, i));
  }, 120_000);

  it('is deterministic: the same (seed, index) gives the same bytes, another seed or index does not', () => {
    for (const index of [0, 1, 977, 4999]) {
      const again = generateLetter(SEED, index);
      expect(again.text).toBe(letters[index]!.text);
      expect(JSON.stringify(again.truth)).toBe(JSON.stringify(letters[index]!.truth));
    }
    expect(generateLetter(SEED + 1, 0).text).not.toBe(letters[0]!.text);
    expect(letters[1]!.text).not.toBe(letters[0]!.text);
    expect(new Set(letters.map((l) => l.id)).size).toBe(SAMPLE);
  });

  it('honours a fixed layout', () => {
    for (const layout of LAYOUTS) {
      for (let i = 0; i < 20; i++) expect(generateLetter(SEED, i, { layout }).truth.format).toBe(layout);
    }
  });

  // The generator draws from the distributions measured on the real letters (calibration/): its sample
  // shows them within sampling error (5,000 letters), apart from the floors that keep rare values present.
  const items = () => letters.flatMap((l) => l.truth.items);

  it('decides items upheld and overturned as the real letters do, 1% partially overturned', () => {
    const all = items();
    const share = (decision: string) => all.filter((item) => item.decision === decision).length / all.length;
    const partial = 0.01;
    const overturned = shareOf(PROFILE.decisions, 'OVERTURNED') * (1 - partial);
    expect(share('OVERTURNED')).toBeCloseTo(overturned, 1);
    expect(Math.abs(share('OVERTURNED') - overturned)).toBeLessThan(0.015);
    expect(share('PARTIALLY_OVERTURNED')).toBeGreaterThan(0.004);
    expect(share('PARTIALLY_OVERTURNED')).toBeLessThan(0.02);
    for (const item of all) expect(DECISIONS).toContain(item.decision);
  });

  it('decides as many items per letter as the real letters, from 1 to their maximum', () => {
    const counts = letters.map((l) => l.truth.items.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(Math.abs(mean - meanOf(PROFILE.itemsPerLetter))).toBeLessThan(0.1);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(Math.max(...Object.keys(PROFILE.itemsPerLetter).map(Number)));
    const single = counts.filter((n) => n === 1).length / counts.length;
    expect(Math.abs(single - shareOf(PROFILE.itemsPerLetter, '1'))).toBeLessThan(0.03);
  });

  it('mixes categories and drug classes as the real letters do, and still uses every one', () => {
    const all = items();
    const categoryShare = (category: string) =>
      all.filter((item) => item.category === category).length / all.length;
    for (const category of ['DIAGNOSTIC_IMAGING', 'PHYSICAL_MEDICINE', 'PHARMACEUTICAL', 'DME']) {
      expect(Math.abs(categoryShare(category) - shareOf(PROFILE.categories, category))).toBeLessThan(0.03);
    }
    const drugs = all.filter((item) => item.category === 'PHARMACEUTICAL');
    expect(new Set(all.map((item) => item.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(drugs.map((item) => item.drug?.drugClass))).toEqual(new Set(DRUG_CLASSES));
    for (const item of drugs) expect(item.treatment).toBe(item.drug!.generic ?? item.treatment);
    for (const item of all) for (const region of item.bodyRegions) expect(BODY_REGIONS).toContain(region);
  });

  it('has each party cite the sources the real letters show, in the same proportions', () => {
    const all = items();
    for (const [party, citedBy] of [
      ['claimsAdministrator', 'CLAIMS_ADMINISTRATOR'],
      ['reviewer', 'IMR_REVIEWER'],
    ] as const) {
      const sets = all.map((item) =>
        [...new Set(item.citations.filter((c) => c.citedBy === citedBy).map((c) => c.source))]
          .sort()
          .join('+'),
      );
      for (const key of ['MTUS', 'NONE', 'ODG', 'MTUS+ODG']) {
        const generated = sets.filter((set) => set === key).length / sets.length;
        expect({
          party,
          key,
          near: Math.abs(generated - shareOf(PROFILE.citationSources[party], key)) < 0.03,
        }).toEqual({ party, key, near: true });
      }
    }
  });

  it('writes every layout, the 2013 notice mostly for 2013-2014 decisions, the 2016-17 one from Dec 2016', () => {
    const layouts = new Map<string, number>();
    for (const l of letters) layouts.set(l.truth.format, (layouts.get(l.truth.format) ?? 0) + 1);
    for (const layout of LAYOUTS) expect(layouts.get(layout) ?? 0).toBeGreaterThan(SAMPLE * 0.02);
    for (const l of letters.filter((letter) => letter.truth.format === 'notice-2013')) {
      expect(l.truth.dates.decision! < '2015-01-01').toBe(true);
    }
    for (const l of letters) {
      expect({ layout: l.truth.format, from2016: l.truth.dates.decision! >= '2016-12-01' }).toEqual({
        layout: l.truth.format,
        from2016: l.truth.format === 'pdf-2016',
      });
    }
  });

  it('keeps dates in range and in order: UR denial, application, assignment, decision 10-90 days later', () => {
    for (const { truth } of letters) {
      const { injury, urDenial, applicationReceived, assigned, decision } = truth.dates;
      expect(injury).not.toBeNull();
      if (decision !== null) {
        expect(decision >= '2013-01-01' && decision <= '2025-12-31').toBe(true);
        expect(urDenial).not.toBeNull();
        const days = (Date.parse(decision) - Date.parse(urDenial!)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(10);
        expect(days).toBeLessThanOrEqual(90);
        expect(urDenial! < applicationReceived!).toBe(true);
        expect(applicationReceived! < decision).toBe(true);
        if (assigned !== null) expect(applicationReceived! < assigned && assigned <= decision).toBe(true);
      }
      expect(injury! < (urDenial ?? '2026-01-01')).toBe(true);
      if (truth.patient.age !== null) expect(truth.patient.age >= 18 && truth.patient.age <= 75).toBe(true);
      if (truth.caseNumber !== null) expect(truth.caseNumber).toMatch(/^CM(1[3-9]|2[0-5])-\d{7}$/);
    }
  });

  it('licenses reviewers and names their certifications as the real letters do', () => {
    const californian = letters.filter((l) => l.truth.reviewer.licensedIn.includes('CA')).length / SAMPLE;
    expect(Math.abs(californian - (PROFILE.licenceStates.CA ?? 0) / PROFILE.letters)).toBeLessThan(0.03);
    const states = letters.map((l) => l.truth.reviewer.licensedIn.length);
    expect(
      Math.abs(states.reduce((a, b) => a + b, 0) / SAMPLE - meanOf(PROFILE.statesPerLetter)),
    ).toBeLessThan(0.05);
    const specialties = letters.map((l) => l.truth.reviewer.specialties.length);
    expect(
      Math.abs(specialties.reduce((a, b) => a + b, 0) / SAMPLE - meanOf(PROFILE.specialtiesPerLetter)),
    ).toBeLessThan(0.05);
    expect(new Set(letters.flatMap((l) => l.truth.reviewer.specialties))).toEqual(
      new Set(Object.keys(PROFILE.specialties)),
    );
  });

  it('writes case summaries and rationales as long as the real letters do (median within a tenth)', () => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const summaries = median(letters.map((l) => l.truth.summary!.length));
    expect(Math.abs(summaries / PROFILE.summaryLength[5]! - 1)).toBeLessThan(0.1);
    const rationales = median(items().map((item) => item.rationale!.length));
    expect(Math.abs(rationales / PROFILE.rationaleLength[5]! - 1)).toBeLessThan(0.1);
  });

  it('states in the text every truth title, decision, citation topic and rationale', () => {
    for (const { text, truth } of letters) {
      const flat = folded(text);
      const joined = unwrapped(text);
      for (const item of truth.items) {
        expect(flat).toContain(item.title);
        if (truth.format === 'notice-2013') {
          const necessary =
            item.decision === 'UPHELD' ? 'is not medically necessary' : 'is medically necessary';
          expect(flat).toContain(`the request for ${item.title} ${necessary} and appropriate`);
        } else {
          const word = {
            UPHELD: 'Upheld',
            OVERTURNED: 'Overturned',
            PARTIALLY_OVERTURNED: 'Partially Overturned',
          }[item.decision as 'UPHELD'];
          expect(flat).toMatch(new RegExp(`${escapeRegExp(item.title)}:(?:\\*\\*)? {1,2}${word}`));
        }
        expect(joined).toContain(item.rationale);
        for (const citation of item.citations) {
          if (citation.topic) expect(flat).toContain(citation.topic);
        }
      }
      for (const diagnosis of truth.diagnoses) expect(flat).toContain(diagnosis);
      if (truth.caseNumber !== null) expect(text).toContain(truth.caseNumber);
    }
  });

  it('mirrors the seed letters: PDF lines end " \\n\\n", header blocks are tab-separated with bold labels', () => {
    const pdf = letters.find((l) => l.truth.format === 'pdf-text')!.text;
    expect(pdf.startsWith(' HOW THE IMR FINAL DETERMINATION WAS MADE \n\n')).toBe(true);
    expect(pdf).toContain('CLINICAL CASE SUMMARY \n\n');
    expect(Math.max(...pdf.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    const header = letters.find((l) => l.truth.format === 'header-block')!;
    expect(header.text).toContain(
      `<b>Case Number:</b>\t${header.truth.caseNumber}\t\t\n<b>Date Assigned:</b>\t`,
    );
    expect(header.text).toContain('### CLINICAL CASE SUMMARY');
    const credentials = letters.find((l) => l.truth.format === 'credentials')!.text;
    expect(credentials).toContain(
      'The Expert Reviewer has the following credentials: \n\nState(s) of Licensure: ',
    );
    expect(credentials).not.toContain('Board Certified');
    const notice = letters.find((l) => l.truth.format === 'notice-2013')!.text;
    expect(notice.startsWith('Notice of Independent Medical Review Determination \n\n')).toBe(true);
    expect(notice).toContain('Medical Qualifications of the Expert Reviewer: \n\n');
    expect(notice).toContain('Case Summary: \n\n');
  });

  it('writes the 2016-17 layout as its PDFs extract: header table rows, one line per printed line, wrapped outcomes', () => {
    const published = letters.filter((l) => l.truth.format === 'pdf-2016');
    const first = published[0]!;
    expect(first.text.startsWith(`Case Number: ${first.truth.caseNumber}\nDate Assigned: `)).toBe(true);
    expect(first.text).toMatch(
      /\nPriority: (?:Standard|Expedited) Application\nReceived:\n\d\d\/\d\d\/\d{4}\n/,
    );
    expect(first.text).not.toContain('\n\n');
    expect(first.text).toContain('\nCLINICAL CASE SUMMARY\n');
    const texts = published.map((l) => l.text).join('\n');
    expect(texts).toContain('\f');
    // A long title pushes its outcome word onto a line of its own, as in the published letters.
    expect(texts).toMatch(/:\n(?:\f)?(?:Upheld|Overturned)\n/);
    expect(texts).toMatch(
      /\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section\(s\)/,
    );
    expect(
      folded(texts).includes('based their decision on recommendation(s) outside of the MTUS Guidelines.'),
    ).toBe(true);
    for (const letter of published) expect(letter.truth.reviewer.subspecialties).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
