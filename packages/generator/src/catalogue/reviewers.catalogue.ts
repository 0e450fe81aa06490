import type { Weighted } from '../seeded-random';

/** A board certification: the normalised name (truth) and how the credentials block abbreviates it. */
export interface Specialty {
  name: string;
  credentialForms: readonly string[];
}

function specialty(name: string, ...credentialForms: string[]): Specialty {
  return { name, credentialForms: credentialForms.length > 0 ? credentialForms : [name] };
}

export const SPECIALTIES: Weighted<Specialty> = [
  [
    specialty(
      'Physical Medicine and Rehabilitation',
      'Physical Medicine & Rehabn',
      'Physical Medicine & Rehabilitation',
    ),
    20,
  ],
  [specialty('Orthopedic Surgery', 'Orthopedic Surgery', 'Orthopaedic Surgery'), 16],
  [specialty('Anesthesiology'), 12],
  [specialty('Family Medicine', 'Family Practice', 'Family Medicine'), 9],
  [specialty('Internal Medicine'), 9],
  [specialty('Occupational Medicine'), 6],
  [specialty('Pain Medicine', 'Pain Medicine'), 5],
  [specialty('Neurology'), 4],
  [specialty('Psychiatry'), 3],
  [specialty('Neurological Surgery', 'Neurological Surgery', 'Neurosurgery'), 3],
  [specialty('Emergency Medicine'), 3],
  [specialty('Preventive Medicine'), 2],
  [specialty('Plastic Surgery'), 1],
  [specialty('General Surgery', 'Surgery'), 1],
  [specialty('Rheumatology'), 1],
];

/** Second certifications that commonly pair with a first one. */
export const SECOND_SPECIALTIES: Weighted<Specialty> = [
  [specialty('Pain Medicine', 'Pain Medicine', 'Pain Management'), 6],
  [specialty('Occupational Medicine'), 2],
  [specialty('Preventive Medicine'), 1],
  [specialty('Addiction Medicine'), 1],
];

export const SUBSPECIALTIES: Weighted<string> = [
  ['Pain Medicine', 8],
  ['Interventional Spine', 4],
  ['Sports Medicine', 4],
  ['Spine Surgery', 2],
  ['Hand Surgery', 1],
  ['Addiction Medicine', 1],
];

export interface LicenceState {
  name: string;
  code: string;
}

export const STATES: Weighted<LicenceState> = [
  [{ name: 'California', code: 'CA' }, 55],
  [{ name: 'Texas', code: 'TX' }, 5],
  [{ name: 'New York', code: 'NY' }, 5],
  [{ name: 'Florida', code: 'FL' }, 4],
  [{ name: 'Illinois', code: 'IL' }, 3],
  [{ name: 'Pennsylvania', code: 'PA' }, 3],
  [{ name: 'North Carolina', code: 'NC' }, 2],
  [{ name: 'Ohio', code: 'OH' }, 2],
  [{ name: 'Massachusetts', code: 'MA' }, 2],
  [{ name: 'Michigan', code: 'MI' }, 2],
  [{ name: 'Washington', code: 'WA' }, 2],
  [{ name: 'Arizona', code: 'AZ' }, 2],
  [{ name: 'Colorado', code: 'CO' }, 1],
  [{ name: 'Georgia', code: 'GA' }, 1],
  [{ name: 'Maryland', code: 'MD' }, 1],
  [{ name: 'New Jersey', code: 'NJ' }, 1],
  [{ name: 'Virginia', code: 'VA' }, 1],
  [{ name: 'Oregon', code: 'OR' }, 1],
  [{ name: 'Minnesota', code: 'MN' }, 1],
  [{ name: 'Wisconsin', code: 'WI' }, 1],
  [{ name: 'Tennessee', code: 'TN' }, 1],
  [{ name: 'Missouri', code: 'MO' }, 1],
  [{ name: 'Connecticut', code: 'CT' }, 1],
  [{ name: 'Nevada', code: 'NV' }, 1],
];

/** USPS code → the state's name as letters write it (licence states are drawn by code). */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

export function licenceState(code: string): LicenceState {
  const name = STATE_NAMES[code];
  if (name === undefined) throw new Error(`no state name for licence state code '${code}'`);
  return { name, code };
}

const SPECIALTY_BY_NAME = new Map(
  [...SPECIALTIES, ...SECOND_SPECIALTIES].map(([entry]) => [entry.name, entry] as const),
);

/** The certification by its normalised name, with the credential forms the catalogue knows for it. */
export function specialtyNamed(name: string): Specialty {
  return SPECIALTY_BY_NAME.get(name) ?? specialty(name);
}
