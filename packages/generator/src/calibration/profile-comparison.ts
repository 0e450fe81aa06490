import { CATEGORIES } from '@imr/parser';
import { type LetterProfile, meanOf, shareOf } from './letter-profile';

// The figures `pnpm bench` puts side by side for real and generated letters: one row per figure, the same
// arithmetic on both profiles.

export interface ProfileRow {
  name: string;
  unit: string;
  real: number;
  generated: number;
}

const PARTIES = [
  ['claimsAdministrator', 'claims administrator'],
  ['reviewer', 'MAXIMUS reviewer'],
] as const;
const SOURCE_SETS = ['NONE', 'MTUS', 'ODG', 'MTUS+ODG', 'OTHER'] as const;

function percent(value: number): number {
  return Number((100 * value).toFixed(1));
}

function letterShare(profile: LetterProfile, counts: Record<string, number>, key: string): number {
  return profile.letters === 0 ? 0 : (counts[key] ?? 0) / profile.letters;
}

export function compareProfiles(real: LetterProfile, generated: LetterProfile): ProfileRow[] {
  const rows: ProfileRow[] = [];
  const add = (name: string, unit: string, of: (profile: LetterProfile) => number) =>
    rows.push({ name, unit, real: of(real), generated: of(generated) });
  add('items per letter, mean', 'items', (p) => Number(meanOf(p.itemsPerLetter).toFixed(2)));
  add('letters deciding one item', '%', (p) => percent(shareOf(p.itemsPerLetter, '1')));
  add('letters deciding 5 or more items', '%', (p) =>
    percent(
      Object.entries(p.itemsPerLetter)
        .filter(([count]) => Number(count) >= 5)
        .reduce((sum, [, letters]) => sum + letters, 0) / Math.max(1, p.letters),
    ),
  );
  add('items overturned (overturn rate)', '%', (p) =>
    percent(shareOf(p.decisions, 'OVERTURNED') + shareOf(p.decisions, 'PARTIALLY_OVERTURNED')),
  );
  for (const category of CATEGORIES) {
    add(`items in category ${category}`, '%', (p) => percent(shareOf(p.categories, category)));
  }
  for (const [party, label] of PARTIES) {
    for (const set of SOURCE_SETS) {
      add(`items the ${label} cites ${set} for`, '%', (p) => percent(shareOf(p.citationSources[party], set)));
    }
  }
  add('specialties per letter, mean', 'specialties', (p) =>
    Number(meanOf(p.specialtiesPerLetter).toFixed(2)),
  );
  for (const specialty of Object.keys(real.specialties).slice(0, 5)) {
    add(`letters naming ${specialty}`, '%', (p) => percent(letterShare(p, p.specialties, specialty)));
  }
  add('licence states per letter, mean', 'states', (p) => Number(meanOf(p.statesPerLetter).toFixed(2)));
  for (const state of Object.keys(real.licenceStates).slice(0, 3)) {
    add(`letters licensed in ${state}`, '%', (p) => percent(letterShare(p, p.licenceStates, state)));
  }
  for (const [label, decile] of [
    ['p10', 1],
    ['median', 5],
    ['p90', 9],
  ] as const) {
    add(`letter length, ${label} (whitespace folded)`, 'chars', (p) => p.letterLength[decile] ?? 0);
  }
  add('case summary length, median', 'chars', (p) => p.summaryLength[5] ?? 0);
  add('decision rationale length, median', 'chars', (p) => p.rationaleLength[5] ?? 0);
  return rows;
}
