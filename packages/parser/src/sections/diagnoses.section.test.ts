import { describe, expect, it } from 'vitest';
import { readDiagnoses } from './diagnoses.section';
import { readPatient } from './patient.section';

describe('readDiagnoses', () => {
  it.each([
    [
      'Diagnoses included neck pain and cervicobrachial syndrome. The request',
      ['neck pain', 'cervicobrachial syndrome'],
    ],
    ['The mechanism was not provided. Diagnosis cervicalgia. Prior treatment', ['cervicalgia']],
    [
      'Diagnoses include radicular neck , upper back and shoulder pain. Past',
      ['radicular neck', 'upper back and shoulder pain'],
    ],
    [
      'The listed diagnoses per are: 1) Lumbar disc degeneration; 2) Spasm of muscle; and 3) Radiculitis. According',
      ['Lumbar disc degeneration', 'Spasm of muscle', 'Radiculitis'],
    ],
    [
      'findings, current diagnoses (lumbar sprain/strain, cervical radiculopathy (C6), and sacroiliac joint dysfunction), and treatment',
      ['lumbar sprain/strain', 'cervical radiculopathy (C6)', 'sacroiliac joint dysfunction'],
    ],
  ])('reads "%s"', (summary, diagnoses) => {
    expect(readDiagnoses(summary)).toEqual(diagnoses);
  });

  it('does not read "was diagnosed with" (a treater impression, not the listed diagnoses)', () => {
    expect(readDiagnoses('Patient was diagnosed with neck pain and headaches.')).toEqual([]);
  });
});

describe('readPatient', () => {
  it('reads age and sex only when stated', () => {
    expect(readPatient('The injured worker is a 22-year-old female who')).toEqual({ age: 22, sex: 'FEMALE' });
    expect(readPatient('The patient is a 49 year-old male with')).toEqual({ age: 49, sex: 'MALE' });
    expect(readPatient('This is a patient who sustained an injury. His neck hurts; she said.')).toEqual({
      age: null,
      sex: null,
    });
    expect(readPatient('a 45-year-old who fell')).toEqual({ age: 45, sex: null });
  });
});
