import { describe, expect, it } from 'vitest';
import { matchCredentials, matchSpecialties, matchSubspecialties } from './specialty-lookup';

describe('matchSpecialties', () => {
  it.each([
    [
      'Physical Medicine and Rehabilitation and Pain Medicine',
      ['Physical Medicine and Rehabilitation', 'Pain Medicine'],
    ],
    ['Physical Medicine & Rehabn', ['Physical Medicine and Rehabilitation']],
    ['Physical Medicine and Rehabilitation', ['Physical Medicine and Rehabilitation']],
    ['Family Medicine', ['Family Medicine']],
    ['Orthopaedic Surgery', ['Orthopedic Surgery']],
    ['Orthopedic Surgery', ['Orthopedic Surgery']],
    ['Anesthesiology, Pain Medicine', ['Anesthesiology', 'Pain Medicine']],
    ['Internal Medicine and Occupational Medicine', ['Internal Medicine', 'Occupational Medicine']],
    ['Preventive Medicine', ['Preventive Medicine']],
    ['Psychiatry', ['Psychiatry']],
    ['Licensed Psychologist', ['Psychology']],
    ['Neurology', ['Neurology']],
    ['Neurological Surgery', ['Neurological Surgery']],
    ['Chiropractor', ['Chiropractic']],
    ['Acupuncturist', ['Acupuncture']],
    ['Emergency Medicine', ['Emergency Medicine']],
    ['Plastic Surgery and Hand Surgery', ['Plastic Surgery', 'Hand Surgery']],
    ['Rheumatology', ['Rheumatology']],
    ['Sports Medicine', ['Sports Medicine']],
    ['Podiatric Medicine', ['Podiatry']],
    ['Physical Therapy', ['Physical Therapy']],
    ['Dentistry', ['Dentistry']],
    ['General Surgery', ['General Surgery']],
    ['Ophthalmology', ['Ophthalmology']],
    ['Otolaryngology', ['Otolaryngology']],
    ['Urology', ['Urology']],
    ['Cardiology', ['Cardiology']],
    ['Pulmonary Disease', ['Pulmonary Medicine']],
  ])('%s → %o', (text, names) => {
    expect(matchSpecialties(text)).toEqual(names);
  });

  it('finds nothing in a phrase that names no specialty', () => {
    expect(matchSpecialties('the same or similar specialties')).toEqual([]);
    expect(matchSpecialties('')).toEqual([]);
  });
});

describe('matchSubspecialties', () => {
  it.each([
    ['Interventional Spine', ['Interventional Spine']],
    ['Pain Medicine', ['Pain Medicine']],
    ['Spine Surgery', ['Spine Surgery']],
    ['Sports Medicine and Hand Surgery', ['Sports Medicine', 'Hand Surgery']],
    ['Interventional Pain Management', ['Pain Medicine']],
  ])('%s → %o', (text, names) => {
    expect(matchSubspecialties(text)).toEqual(names);
  });
});

describe('matchCredentials', () => {
  it('sorts a mixed Certification(s)/Specialty list into certifications and subspecialties', () => {
    expect(matchCredentials('Physical Medicine & Rehabilitation, Pediatric Rehabilitation Medicine')).toEqual(
      {
        specialties: ['Physical Medicine and Rehabilitation'],
        subspecialties: ['Pediatric Rehabilitation Medicine'],
      },
    );
  });

  it('keeps a name listed as both a certification and a subspecialty a certification', () => {
    expect(matchCredentials('Orthopedic Surgery, Sports Medicine')).toEqual({
      specialties: ['Orthopedic Surgery', 'Sports Medicine'],
      subspecialties: [],
    });
  });

  it('reads the third preventive medicine specialty area whole', () => {
    expect(
      matchCredentials(
        'Preventive Medicine, Occupational Medicine, Public Health & General Preventive Medicine',
      ).specialties,
    ).toEqual([
      'Preventive Medicine',
      'Occupational Medicine',
      'Public Health and General Preventive Medicine',
    ]);
  });
});
