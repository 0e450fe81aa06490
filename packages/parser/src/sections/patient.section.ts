import type { Patient, Sex } from '../types';

// Only what the letter states: "22-year-old female", "49 year-old male", "a 44 year old woman". Never pronouns.
const AGE_AND_SEX =
  /\b(\d{1,3})\s?-?\s?years?\s?-?\s?old\s?,?\s?(female|male|woman|man|gentleman|lady|girl|boy)?\b/i;
const SEX_ONLY = /\b(?:is|was)\sa\s(female|male)\b/i;
const SEXES: Readonly<Record<string, Sex>> = {
  female: 'FEMALE',
  woman: 'FEMALE',
  lady: 'FEMALE',
  girl: 'FEMALE',
  male: 'MALE',
  man: 'MALE',
  gentleman: 'MALE',
  boy: 'MALE',
};

export function readPatient(summary: string): Patient {
  const patient: Patient = { age: null, sex: null };
  const stated = AGE_AND_SEX.exec(summary);
  if (stated) {
    const age = Number(stated[1]);
    if (age >= 14 && age <= 110) patient.age = age;
    if (stated[2] !== undefined) patient.sex = SEXES[stated[2].toLowerCase()] ?? null;
  }
  if (patient.sex === null) {
    const sex = SEX_ONLY.exec(summary)?.[1];
    if (sex !== undefined) patient.sex = SEXES[sex.toLowerCase()] ?? null;
  }
  return patient;
}
