import { BODY_REGIONS, CATEGORIES, DECISIONS, DRUG_CLASSES } from '@imr/parser';
import { beforeAll, describe, expect, it } from 'vitest';
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

  it('decides about 90% upheld, 9% overturned, 1% partially overturned', () => {
    const items = letters.flatMap((l) => l.truth.items);
    const share = (decision: string) =>
      items.filter((item) => item.decision === decision).length / items.length;
    expect(share('UPHELD')).toBeGreaterThan(0.87);
    expect(share('UPHELD')).toBeLessThan(0.93);
    expect(share('OVERTURNED')).toBeGreaterThan(0.07);
    expect(share('OVERTURNED')).toBeLessThan(0.12);
    expect(share('PARTIALLY_OVERTURNED')).toBeGreaterThan(0.003);
    expect(share('PARTIALLY_OVERTURNED')).toBeLessThan(0.02);
    for (const item of items) expect(DECISIONS).toContain(item.decision);
  });

  it('has about 1.6 items per letter, from 1 to 6', () => {
    const counts = letters.map((l) => l.truth.items.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(1.5);
    expect(mean).toBeLessThan(1.75);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(6);
  });

  it('makes about a third of items pharmaceuticals, a quarter of them opioids, and uses every category', () => {
    const items = letters.flatMap((l) => l.truth.items);
    const drugs = items.filter((item) => item.category === 'PHARMACEUTICAL');
    const pharmaShare = drugs.length / items.length;
    expect(pharmaShare).toBeGreaterThan(0.3);
    expect(pharmaShare).toBeLessThan(0.38);
    const opioidShare = drugs.filter((item) => item.drug?.drugClass === 'OPIOID').length / drugs.length;
    expect(opioidShare).toBeGreaterThan(0.21);
    expect(opioidShare).toBeLessThan(0.29);
    expect(new Set(items.map((item) => item.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(drugs.map((item) => item.drug?.drugClass))).toEqual(new Set(DRUG_CLASSES));
    for (const item of drugs) expect(item.treatment).toBe(item.drug!.generic ?? item.treatment);
    for (const item of items) for (const region of item.bodyRegions) expect(BODY_REGIONS).toContain(region);
  });

  it('writes every layout, the 2013 notice mostly for 2013-2014 decisions', () => {
    const layouts = new Map<string, number>();
    for (const l of letters) layouts.set(l.truth.format, (layouts.get(l.truth.format) ?? 0) + 1);
    for (const layout of LAYOUTS) expect(layouts.get(layout) ?? 0).toBeGreaterThan(SAMPLE * 0.02);
    for (const l of letters.filter((letter) => letter.truth.format === 'notice-2013')) {
      expect(l.truth.dates.decision! < '2015-01-01').toBe(true);
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

  it('licenses most reviewers in California and spreads specialties', () => {
    const californian = letters.filter((l) => l.truth.reviewer.licensedIn.includes('CA')).length / SAMPLE;
    expect(californian).toBeGreaterThan(0.45);
    expect(californian).toBeLessThan(0.7);
    expect(new Set(letters.flatMap((l) => l.truth.reviewer.licensedIn)).size).toBeGreaterThan(15);
    expect(new Set(letters.flatMap((l) => l.truth.reviewer.specialties)).size).toBeGreaterThan(10);
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
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
