import type { Priority, Sex } from '@imr/parser';
import { type DateStyle, type Day, dayOf, formatDate, yearOf } from './calendar';
import {
  DECISION_WEIGHTS,
  drawDistinct,
  drawLength,
  drawNamed,
  ITEM_COUNTS,
  LETTERS_MEASURED,
  SPECIALTIES_PER_LETTER,
  SPECIALTY_WEIGHTS,
  STATE_WEIGHTS,
  STATES_PER_LETTER,
  SUMMARY_LENGTH,
} from './calibration/calibrated-draws';
import { lengthened, SUMMARY_PROSE } from './catalogue/clinical-prose.catalogue';
import { DIAGNOSES, MECHANISMS, PRIOR_TREATMENTS } from './catalogue/diagnoses.catalogue';
import {
  type LicenceState,
  licenceState,
  type Specialty,
  SUBSPECIALTIES,
  specialtyNamed,
} from './catalogue/reviewers.catalogue';
import { drawItem, type ItemModel } from './draw-item';
import type { SeededRandom, Weighted } from './seeded-random';

export const LAYOUTS = ['pdf-text', 'header-block', 'credentials', 'notice-2013', 'pdf-2016'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export type LayoutChoice = LayoutName | 'mix';

/** Everything one letter states, before any layout writes it. */
export interface LetterModel {
  layout: LayoutName;
  caseNumber: string;
  priority: Priority;
  dates: { injury: Day; urDenial: Day; applicationReceived: Day; assigned: Day; decision: Day };
  /** How the case summary prints dates (the header block always prints MM/DD/YYYY). */
  summaryDateStyle: DateStyle;
  reviewer: { specialties: Specialty[]; subspecialty: string | null; states: LicenceState[] };
  patient: { age: number | null; sex: Sex | null };
  diagnoses: string[];
  /** The clinical case summary as one unwrapped paragraph. */
  summary: string;
  /** Whether a sentence states the UR denial date (in the summary or the first rationale). */
  urDateStated: boolean;
  items: ItemModel[];
}

// Letters per decision year: IMR began in 2013 and peaked in 2014-2016.
const DECISION_YEARS: Weighted<number> = [
  [2013, 4],
  [2014, 12],
  [2015, 12],
  [2016, 11],
  [2017, 10],
  [2018, 9],
  [2019, 9],
  [2020, 7],
  [2021, 7],
  [2022, 6],
  [2023, 6],
  [2024, 5],
  [2025, 5],
];

/** The first decision day of the layout every published letter of Dec 2016 - Feb 2017 has. */
const LAYOUT_2016_FROM = dayOf(2016, 12, 1);

function layoutFor(decision: Day, choice: LayoutChoice, random: SeededRandom): LayoutName {
  if (choice !== 'mix') return choice;
  const year = yearOf(decision);
  // All 160 real letters of Dec 2016 - Feb 2017 have this layout. Later years' layouts are not known here
  // (none of their letters is in ../shared), so they keep it.
  if (decision >= LAYOUT_2016_FROM) return 'pdf-2016';
  // 2013 letters were published in the notice layout; it was phased out during 2014.
  if (year === 2013 && random.chance(0.9)) return 'notice-2013';
  if (year === 2014 && random.chance(0.5)) return 'notice-2013';
  return random.weighted([
    ['pdf-text', 60],
    ['header-block', 25],
    ['credentials', 15],
  ] as const);
}

/** Days from UR denial to decision: 10 to 90, most decisions in the first month. */
function reviewDays(random: SeededRandom): number {
  const r = random.next();
  return 10 + Math.floor(80 * r * r);
}

function drawDates(year: number, age: number, random: SeededRandom): LetterModel['dates'] {
  const first = year === 2013 ? dayOf(2013, 3, 1) : dayOf(year, 1, 1);
  const decision = random.int(first, dayOf(year, 12, 31));
  const urDenial = decision - reviewDays(random);
  const gap = decision - urDenial;
  const applicationReceived = urDenial + random.int(1, Math.min(30, gap - 4));
  const assigned =
    applicationReceived + random.int(1, Math.max(1, Math.min(10, decision - applicationReceived - 2)));
  // Injured at least at 16, mostly one to five years before the review.
  const maxYearsAgo = Math.max(0.5, age - 16);
  const r = random.next();
  const yearsAgo = Math.min(maxYearsAgo, 0.3 + 19.7 * r * r * r);
  const injury = urDenial - Math.floor(yearsAgo * 365.25) - random.int(0, 30);
  return { injury, urDenial, applicationReceived, assigned, decision };
}

/** Certifications and licence states as often, and as many, as the real letters name them. */
function drawReviewer(random: SeededRandom): LetterModel['reviewer'] {
  const specialties: Specialty[] = drawDistinct(
    SPECIALTY_WEIGHTS,
    random.weighted(SPECIALTIES_PER_LETTER),
    random,
  ).map(specialtyNamed);
  // The real letters' credentials block has no subspecialty line; the prose layouts (seeds) sometimes do.
  let subspecialty = random.chance(0.12) ? random.weighted(SUBSPECIALTIES) : null;
  if (subspecialty !== null && specialties.some((s) => s.name === subspecialty)) subspecialty = null;
  const states: LicenceState[] = drawNamed(
    STATE_WEIGHTS,
    LETTERS_MEASURED,
    random.weighted(STATES_PER_LETTER),
    random,
  ).map(licenceState);
  return { specialties, subspecialty, states };
}

function listWithAnd(entries: readonly string[]): string {
  if (entries.length <= 1) return entries.join('');
  if (entries.length === 2) return `${entries[0]} and ${entries[1]}`;
  return `${entries.slice(0, -1).join(', ')}, and ${entries[entries.length - 1]}`;
}

/** The diagnoses sentence in one of the shapes the seeds use. */
function diagnosesSentence(diagnoses: readonly string[], random: SeededRandom): string {
  if (diagnoses.length === 1 && random.chance(0.5)) return `Diagnosis ${diagnoses[0]}.`;
  const shape = random.int(0, 2);
  if (shape === 0) return `Diagnoses included ${listWithAnd(diagnoses)}.`;
  if (shape === 1)
    return `The listed diagnoses are: ${diagnoses.map((d, i) => `${i + 1}) ${d}`).join('; ')}.`;
  return `Treatment to date has been documented along with current diagnoses (${listWithAnd(diagnoses)}).`;
}

function summaryOf(
  model: Omit<LetterModel, 'summary' | 'items' | 'urDateStated'>,
  firstRequest: string,
  urInSummary: boolean,
  random: SeededRandom,
): string {
  const { age, sex } = model.patient;
  const injury = formatDate(model.dates.injury, model.summaryDateStyle);
  const sexWord = sex === null ? null : sex === 'FEMALE' ? 'female' : 'male';
  const sentences: string[] = [];
  if (age !== null && sexWord !== null) {
    sentences.push(
      random.pick([
        `The injured worker is a ${age}-year-old ${sexWord} who reported an injury on ${injury}.`,
        `The patient is a ${age} year-old ${sexWord} with a date of injury of ${injury}.`,
        `According to the records made available for review, this is a ${age}-year-old ${sexWord} with a ${injury} date of injury.`,
      ]),
    );
  } else if (age !== null) {
    sentences.push(`The injured worker is a ${age}-year-old who sustained an injury on ${injury}.`);
  } else {
    sentences.push(
      random.pick([
        `This is a patient who sustained a remote industrial injury on ${injury}.`,
        `The claimant has an original date of injury of ${injury}.`,
      ]),
    );
  }
  sentences.push(random.pick(MECHANISMS));
  sentences.push(diagnosesSentence(model.diagnoses, random));
  sentences.push(
    `Prior treatment has included ${listWithAnd(random.sample(PRIOR_TREATMENTS, random.int(2, 4)))}.`,
  );
  if (urInSummary) {
    sentences.push(
      `A request for ${firstRequest} was non-certified at utilization review on ${formatDate(model.dates.urDenial, model.summaryDateStyle)}.`,
    );
  }
  sentences.push(
    random.pick([
      'The most recent progress report documents ongoing pain rated at 6/10 with tenderness to palpation.',
      'There was a lack of documentation regarding previous treatments and their efficacy.',
      'On physical examination there was decreased range of motion and tenderness over the paraspinal muscles.',
      'The injured worker reported that symptoms increase with prolonged activity.',
    ]),
  );
  // Real summaries run from a paragraph to a page (calibration/): general prose brings this one to a drawn length.
  return lengthened(sentences, SUMMARY_PROSE, drawLength(SUMMARY_LENGTH, random), (n) =>
    random.int(0, n - 1),
  ).join(' ');
}

export function drawLetter(random: SeededRandom, layoutChoice: LayoutChoice): LetterModel {
  const year = random.weighted(DECISION_YEARS);
  const ageValue = random.int(18, 75);
  const dates = drawDates(year, ageValue, random);
  const layout = layoutFor(dates.decision, layoutChoice, random);
  const ageAtDecision = ageValue;
  const sexValue: Sex = random.chance(0.55) ? 'MALE' : 'FEMALE';
  const statement = random.weighted([
    ['both', 75],
    ['age', 8],
    ['neither', 17],
  ] as const);
  const patient = {
    age: statement === 'neither' ? null : ageAtDecision,
    sex: statement === 'both' ? sexValue : null,
  };
  const caseYear = yearOf(dates.applicationReceived) % 100;
  const caseNumber = `CM${String(caseYear).padStart(2, '0')}-${String(random.int(1, 299_999)).padStart(7, '0')}`;
  const base = {
    layout,
    caseNumber,
    priority: (random.chance(0.03) ? 'EXPEDITED' : 'STANDARD') as Priority,
    dates,
    summaryDateStyle: random.weighted([
      ['MM/DD/YYYY', 4],
      ['M/D/YYYY', 2],
      ['M/D/YY', 2],
    ] as const),
    reviewer: drawReviewer(random),
    patient,
    diagnoses: random.sample(
      DIAGNOSES,
      random.weighted([
        [1, 3],
        [2, 4],
        [3, 2],
        [4, 1],
      ] as const),
    ),
  };

  const urPlace = random.weighted([
    ['none', 5],
    ['summary', 3],
    ['rationale', 2],
  ] as const);
  const itemCount = random.weighted(ITEM_COUNTS);
  // Headings in capitals are a PDF habit; the header-block (HTML) letters write them as entered.
  const capitals = (layout === 'pdf-text' || layout === 'credentials') && random.chance(0.5);
  const urSentence = `The utilization review dated ${formatDate(dates.urDenial, 'MM/DD/YYYY')} denied the request stating there was a lack of documentation of functional benefit.`;
  const items: ItemModel[] = [];
  for (let i = 0; i < itemCount; i++) {
    let decision = random.weighted(DECISION_WEIGHTS);
    // The notice layout states each decision as "is (not) medically necessary and appropriate": no partial.
    if (layout === 'notice-2013' && decision === 'PARTIALLY_OVERTURNED') decision = 'OVERTURNED';
    const context = {
      decision,
      capitals,
      diagnoses: base.diagnoses,
      urSentence: i === 0 && urPlace === 'rationale' ? urSentence : null,
      pagesCited: layout !== 'pdf-2016',
    };
    // Letters list each disputed item once; a heading drawn twice is drawn again.
    let item = drawItem(random, context);
    for (
      let attempt = 0;
      attempt < 10 && items.some((other) => other.truth.title === item.truth.title);
      attempt++
    ) {
      item = drawItem(random, context);
    }
    items.push(item);
  }
  const summary = summaryOf(base, items[0]!.quotedTitle, urPlace === 'summary', random);
  return { ...base, summary, urDateStated: urPlace !== 'none', items };
}
