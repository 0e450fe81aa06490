import type { LetterModel } from '../draw-letter';
import type { SeededRandom } from '../seeded-random';

// The "HOW THE IMR FINAL DETERMINATION WAS MADE" paragraph of the 2014+ letters (seeds 000-004), with the
// reviewer's board certifications, subspecialty and licence states (or, in the credentials variant, none:
// they are in the block that follows).

function joinAnd(parts: readonly string[]): string {
  return parts.join(' and ');
}

export function qualificationSentence(model: LetterModel, random: SeededRandom): string {
  const { specialties, subspecialty, states } = model.reviewer;
  const boards = joinAnd(specialties.map((s) => s.name));
  const licensed = `is licensed to practice in ${joinAnd(states.map((s) => s.name))}`;
  if (subspecialty !== null)
    return `The expert reviewer is Board Certified in ${boards}, has a subspecialty in ${subspecialty} and ${licensed}.`;
  return random.chance(0.3)
    ? `The expert reviewer is Board Certified in ${boards}, and ${licensed}.`
    : `The expert reviewer is Board Certified in ${boards} and ${licensed}.`;
}

export function determinationParagraph(
  model: LetterModel,
  random: SeededRandom,
  withQualifications: boolean,
): string {
  const qualifications = withQualifications ? ` ${qualificationSentence(model, random)}` : '';
  const services = withQualifications ? 'items/services' : 'items/Service';
  return (
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator.' +
    `${qualifications} He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. ` +
    'The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties ' +
    `that evaluate and/or treat the medical condition and disputed ${services}. He/she is familiar with governing laws and regulations, ` +
    'including the strength of evidence hierarchy that applies to Independent Medical Review determinations.'
  );
}

/** Seed 004's block: "State(s) of Licensure: California" / "Certification(s)/Specialty: Physical Medicine & Rehabn". */
export function credentialsBlock(model: LetterModel, random: SeededRandom): string[] {
  const { specialties, states } = model.reviewer;
  return [
    'The Expert Reviewer has the following credentials:',
    `State(s) of Licensure: ${states.map((s) => s.name).join(', ')}`,
    `Certification(s)/Specialty: ${specialties.map((s) => random.pick(s.credentialForms)).join(', ')}`,
  ];
}
