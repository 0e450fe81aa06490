import type { ParseContext } from '../parse-context';
import { matchCredentials, matchSpecialties, matchStates, matchSubspecialties } from '../taxonomy/index';
import type { ReviewerCredentials } from '../types';

// "is Board Certified in Physical Medicine and Rehabilitation, has a subspecialty in Interventional Spine and is
// licensed to practice in California." Each phrase ends where the next one starts or at the sentence end.
const BOARD_CERTIFIED =
  /board\s?certified\s?in\s?(.{1,200}?)(?=,?\s?(?:and\s)?(?:has\sa\ssub-?specialt|is\slicensed|who\sis|He\/she|\.\s|\.$)|$)/i;
const SUBSPECIALTY =
  /sub-?specialt(?:y|ies)\s?in\s?(.{1,160}?)(?=,?\s?(?:and\s)?(?:is\slicensed|He\/she|\.\s|\.$)|$)/i;
const LICENSED_IN = /licensed\s?to\s?practice\s?in\s?(.{1,160}?)(?=\.\s|\.$|\sHe\/she|\sand\shas|$)/i;
// The credentials block: "State(s) of Licensure: California" / "Certification(s)/Specialty: Physical Medicine & Rehabn".
const LICENSURE_FIELD =
  /State\s?\(s\)\s?of\s?Licensure\s?:\s?(.{1,160}?)(?=\s(?:Certification|Specialty|Sub-?specialty)|\n|$)/i;
const SPECIALTY_FIELD =
  /Certification\s?\(s\)\s?\/\s?Specialty\s?:\s?(.{1,200}?)(?=\s(?:State\s?\(s\)|Sub-?specialty)|\n|$)/i;
const SUBSPECIALTY_FIELD =
  /Sub-?specialt(?:y|ies)\s?:\s?(.{1,160}?)(?=\s(?:State\s?\(s\)|Certification)|\n|$)/i;

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function readPhrase(pattern: RegExp, text: string): string | null {
  const value = pattern.exec(text)?.[1]?.trim();
  return value ? value : null;
}

/**
 * The expert reviewer's board certifications, subspecialties and licence states, from the qualifications
 * prose or the credentials block. Names are matched against the taxonomy dictionaries; a phrase that names
 * nothing known is reported as a warning.
 */
export function readReviewer(section: string, context: ParseContext): ReviewerCredentials {
  const reviewer: ReviewerCredentials = { specialties: [], subspecialties: [], licensedIn: [] };
  const prose = section.replace(/\n/g, ' ');
  const read = (phrase: string | null, match: (text: string) => string[], what: string): string[] => {
    if (phrase === null) return [];
    const found = match(phrase);
    if (found.length === 0) context.warnings.push(`reviewer ${what} '${phrase}' is not recognised`);
    return found;
  };
  // Each pattern runs only when its key word is in the text.
  const lower = prose.toLowerCase();
  const phrase = (pattern: RegExp, word: string): string | null =>
    lower.includes(word) ? readPhrase(pattern, prose) : null;
  // The "Certification(s)/Specialty:" field lists subspecialties among the certifications.
  const field = phrase(SPECIALTY_FIELD, 'specialty');
  const credentials = field === null ? { specialties: [], subspecialties: [] } : matchCredentials(field);
  if (field !== null && credentials.specialties.length + credentials.subspecialties.length === 0) {
    context.warnings.push(`reviewer specialty '${field}' is not recognised`);
  }
  reviewer.specialties = union(
    read(phrase(BOARD_CERTIFIED, 'certified'), matchSpecialties, 'specialty'),
    credentials.specialties,
  );
  reviewer.subspecialties = union(
    union(
      read(phrase(SUBSPECIALTY, 'specialt'), matchSubspecialties, 'subspecialty'),
      credentials.subspecialties,
    ),
    read(phrase(SUBSPECIALTY_FIELD, 'specialt'), matchSubspecialties, 'subspecialty'),
  );
  reviewer.licensedIn = union(
    read(phrase(LICENSED_IN, 'licensed'), matchStates, 'licence state'),
    read(phrase(LICENSURE_FIELD, 'licensure'), matchStates, 'licence state'),
  );
  return reviewer;
}
