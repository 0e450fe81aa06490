import type { BodyRegion, Drug, Duration, Frequency, Quantity } from '@imr/parser';
import type { RegionPhrase } from './catalogue/body-regions.catalogue';
import { SPINAL_LEVELS } from './catalogue/body-regions.catalogue';
import type { DrugEntry } from './catalogue/drugs.catalogue';
import { COMPOUND_INGREDIENTS } from './catalogue/drugs.catalogue';
import type { TreatmentEntry } from './catalogue/treatments.catalogue';
import type { SeededRandom } from './seeded-random';

/** A heading and the facts it states, which the truth records and the parser must read back. */
export interface ItemTitle {
  title: string;
  treatment: string;
  drug: Drug | null;
  quantity: Quantity | null;
  frequency: Frequency | null;
  duration: Duration | null;
  bodyRegions: BodyRegion[];
}

const SPELLED = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
  'TWENTY',
  'TWENTY-ONE',
  'TWENTY-TWO',
  'TWENTY-THREE',
  'TWENTY-FOUR',
];

const SPINE_ADJECTIVE: Readonly<Partial<Record<BodyRegion, string>>> = {
  LUMBAR_SPINE: 'Lumbar',
  CERVICAL_SPINE: 'Cervical',
  THORACIC_SPINE: 'Thoracic',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  // Keep acronyms ("MRI", "TENS", "EMG/NCV") as written.
  return /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function base(title: string, treatment: string): ItemTitle {
  return { title, treatment, drug: null, quantity: null, frequency: null, duration: null, bodyRegions: [] };
}

function nameOf(
  entry: TreatmentEntry,
  random: SeededRandom,
): { name: string; treatment: string; region: BodyRegion | null } {
  const chosen = random.pick(entry.names);
  return typeof chosen === 'string'
    ? { name: chosen, treatment: entry.treatment, region: null }
    : { name: chosen.text, treatment: chosen.treatment ?? entry.treatment, region: chosen.region ?? null };
}

function regionOf(entry: TreatmentEntry, random: SeededRandom): RegionPhrase | null {
  if (entry.regions === null || !random.chance(entry.regionChance)) return null;
  return random.weighted(entry.regions);
}

function withRegions(item: ItemTitle, ...regions: (BodyRegion | null)[]): ItemTitle {
  for (const region of regions)
    if (region !== null && !item.bodyRegions.includes(region)) item.bodyRegions.push(region);
  return item;
}

/** Sessions-based treatments: the many ways headings state counts, frequencies and durations. */
function therapyTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment } = nameOf(entry, random);
  const phrase = regionOf(entry, random);
  const forRegion = phrase === null ? '' : ` for the ${phrase.text}`;
  const region = phrase?.region ?? null;
  const template = random.int(0, 7);
  if (template === 0 || template === 1) {
    const count = random.pick([6, 8, 10, 12, 12, 18, 24]);
    return withRegions(
      {
        ...base(`${count} ${lowerFirst(name)} sessions${forRegion}`, treatment),
        quantity: { count, unit: 'session' },
      },
      region,
    );
  }
  if (template === 2) {
    const perWeek = random.int(1, 3);
    const weeks = random.pick([4, 6, 8]);
    return withRegions(
      {
        ...base(`${name} ${perWeek}x${weeks}${forRegion}`, treatment),
        frequency: { min: perWeek, max: perWeek, per: 'week' },
        duration: { min: weeks, max: weeks, unit: 'week' },
      },
      region,
    );
  }
  if (template === 3) {
    // Seed 002: "ACTIVE TISSUE RELEASE 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER", closing parenthesis lost.
    const regions: RegionPhrase[] = [];
    if (phrase !== null) regions.push(phrase);
    if (phrase !== null && random.chance(0.5)) {
      const second = random.pick([
        { text: 'right shoulder', short: 'right shoulder', region: 'SHOULDER' as const },
        { text: 'left shoulder', short: 'left shoulder', region: 'SHOULDER' as const },
        { text: 'thoracic spine', short: 'thoracic', region: 'THORACIC_SPINE' as const },
      ]);
      if (second.region !== phrase.region) regions.push(second);
    }
    const suffix =
      regions.length === 0
        ? ''
        : ` (${regions.map((r) => r.short).join(', ')}${random.chance(0.5) ? '' : ')'}`;
    return withRegions(
      {
        ...base(`${name} 2-3/wk for 8-12wks${suffix}`, treatment),
        frequency: { min: 2, max: 3, per: 'week' },
        duration: { min: 8, max: 12, unit: 'week' },
      },
      ...regions.map((r) => r.region),
    );
  }
  if (template === 4 && phrase !== null) {
    const perWeek = random.int(1, 3);
    const weeks = random.pick([4, 6, 8]);
    const times = perWeek === 1 ? '1 time' : `${perWeek} times`;
    return withRegions(
      {
        ...base(`${name} for the ${phrase.text} (${times} per week for ${weeks} weeks)`, treatment),
        frequency: { min: perWeek, max: perWeek, per: 'week' },
        duration: { min: weeks, max: weeks, unit: 'week' },
      },
      region,
    );
  }
  if (template === 5) {
    // Seed 001: "24 Massage therapy sessions for the cervical spine (neck), 2 times a month for 12 months".
    const perMonth = random.int(1, 2);
    const months = random.pick([3, 6, 12]);
    const count = perMonth * months;
    return withRegions(
      {
        ...base(
          `${count} ${name} sessions${forRegion}, ${perMonth === 1 ? '1 time' : `${perMonth} times`} a month for ${months} months`,
          treatment,
        ),
        quantity: { count, unit: 'session' },
        frequency: { min: perMonth, max: perMonth, per: 'month' },
        duration: { min: months, max: months, unit: 'month' },
      },
      region,
    );
  }
  if (template === 6) {
    // Seed 000: "TWELVE (12) MASSAGE THERAPY SESSIONS".
    const count = random.pick([6, 8, 12, 12, 18, 24]);
    return withRegions(
      {
        ...base(
          `${capitalise(SPELLED[count]!.toLowerCase())} (${count}) ${lowerFirst(name)} sessions${forRegion}`,
          treatment,
        ),
        quantity: { count, unit: 'session' },
      },
      region,
    );
  }
  const count = random.pick([4, 6, 8, 12]);
  return withRegions(
    { ...base(`${name} x ${count}${forRegion}`, treatment), quantity: { count, unit: 'session' } },
    region,
  );
}

function injectionTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment } = nameOf(entry, random);
  const phrase = regionOf(entry, random);
  if (treatment === 'trigger point injection' && random.chance(0.5)) {
    const count = random.int(2, 6);
    return {
      ...base(`${count} trigger point injections`, treatment),
      quantity: { count, unit: 'injection' },
    };
  }
  if (phrase === null) return base(capitalise(name), treatment);
  const adjective = SPINE_ADJECTIVE[phrase.region];
  const levels = SPINAL_LEVELS[phrase.region];
  if (adjective !== undefined && levels !== undefined) {
    const level = random.pick(levels);
    const side = random.weighted([
      ['', 3],
      ['Right ', 1],
      ['Left ', 1],
      ['Bilateral ', 1],
    ] as const);
    const title = random.chance(0.5)
      ? `${side}${adjective} ${name} at ${level}`
      : `${adjective} ${name} at ${level}`;
    return withRegions(base(capitalise(title), treatment), phrase.region);
  }
  return withRegions(base(`${capitalise(name)} to the ${phrase.text}`, treatment), phrase.region);
}

function surgeryTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment, region } = nameOf(entry, random);
  if (region !== null) {
    const prefix = random.weighted([
      ['', 4],
      ['Right ', 1],
      ['Outpatient ', 1],
    ] as const);
    return withRegions(base(capitalise(`${prefix}${name}`), treatment), region);
  }
  const phrase = regionOf(entry, random);
  if (phrase === null) return base(capitalise(name), treatment);
  const title = random.chance(0.5)
    ? `${capitalise(phrase.text)} ${name}`
    : `${capitalise(name)} of the ${phrase.text}`;
  return withRegions(base(title, treatment), phrase.region);
}

function imagingTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment } = nameOf(entry, random);
  const phrase = regionOf(entry, random);
  if (phrase === null) return base(capitalise(name), treatment);
  const title = random.weighted([
    [`${name} of the ${phrase.text}`, 5],
    [`${name} ${phrase.text}`, 2],
    [`${capitalise(phrase.text)} ${lowerFirst(name)}`, 2],
  ] as const);
  return withRegions(base(capitalise(title), treatment), phrase.region);
}

function visitTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment } = nameOf(entry, random);
  if (random.chance(0.3)) {
    const count = random.int(1, 6);
    return { ...base(`${name} x ${count}`, treatment), quantity: { count, unit: 'visit' } };
  }
  return base(name, treatment);
}

function programTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment } = nameOf(entry, random);
  const template = random.int(0, 2);
  if (entry.category === 'OTHER') {
    if (template === 0) return base(name, treatment);
    const months = random.pick([3, 6, 12]);
    return {
      ...base(`${name} for ${months} months`, treatment),
      duration: { min: months, max: months, unit: 'month' },
    };
  }
  if (template === 0) {
    const hours = random.pick([80, 160]);
    return { ...base(`${name} x ${hours} hours`, treatment), quantity: { count: hours, unit: 'hour' } };
  }
  if (template === 1) {
    const weeks = random.pick([2, 4, 6]);
    return {
      ...base(`${name} for ${weeks} weeks`, treatment),
      duration: { min: weeks, max: weeks, unit: 'week' },
    };
  }
  return base(name, treatment);
}

function homeHealthTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment } = nameOf(entry, random);
  if (random.chance(0.3)) return base(name, treatment);
  const perWeek = random.int(2, 5);
  const weeks = random.pick([2, 4, 6, 8]);
  return {
    ...base(`${name} ${perWeek} times a week for ${weeks} weeks`, treatment),
    frequency: { min: perWeek, max: perWeek, per: 'week' },
    duration: { min: weeks, max: weeks, unit: 'week' },
  };
}

function plainTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  const { name, treatment, region } = nameOf(entry, random);
  return withRegions(base(name, treatment), region);
}

export function treatmentTitle(entry: TreatmentEntry, random: SeededRandom): ItemTitle {
  switch (entry.form) {
    case 'therapy':
      return therapyTitle(entry, random);
    case 'injection':
      return injectionTitle(entry, random);
    case 'surgery':
      return surgeryTitle(entry, random);
    case 'imaging':
    case 'testing':
      return imagingTitle(entry, random);
    case 'visit':
      return visitTitle(entry, random);
    case 'program':
      return programTitle(entry, random);
    case 'home-health':
      return homeHealthTitle(entry, random);
    case 'device':
    case 'plain':
      return plainTitle(entry, random);
  }
}

/** "10/325mg" → "10/325 mg", "5%" → "5%", "10mcg/hr" → "10 mcg/hr". */
export function normaliseStrength(written: string): string {
  const match = /^([\d./]+)\s?(.*)$/.exec(written);
  if (match === null) return written;
  const unit = match[2]!.toLowerCase();
  return unit === '%' ? `${match[1]}%` : `${match[1]} ${unit}`;
}

export function drugTitle(entry: DrugEntry, random: SeededRandom): ItemTitle {
  const name = random.pick(entry.names);
  const strengthWritten =
    entry.strengths.length > 0 && random.chance(0.85) ? random.pick(entry.strengths) : null;
  const shownStrength =
    strengthWritten === null
      ? null
      : random.chance(0.2)
        ? strengthWritten.replace(/^([\d./]+)(?=[a-z])/, '$1 ')
        : strengthWritten;
  const count = random.chance(0.75) ? random.pick(entry.counts) : null;
  let title = entry.form === undefined ? name : `${name} ${entry.form}`;
  if (shownStrength !== null) title += ` ${shownStrength}`;
  if (count !== null) title += ` #${count}`;
  const prefix = random.weighted([
    ['', 18],
    ['Retrospective request for ', 1],
    ['Prescription of ', 1],
  ] as const);
  const treatment = entry.generic ?? entry.treatment ?? name.toLowerCase();
  // A generic spelling is written as a generic ("Naproxen" → "naproxen", "Hydrocodone/APAP" → "hydrocodone/APAP");
  // brands keep their capital.
  const firstGenericWord = entry.generic?.split(/[/ ]/)[0];
  const dictionaryName =
    firstGenericWord !== undefined && name.toLowerCase().startsWith(firstGenericWord)
      ? name.charAt(0).toLowerCase() + name.slice(1)
      : name;
  return {
    ...base(`${prefix}${title}`, treatment),
    drug: {
      name: dictionaryName,
      generic: entry.generic,
      drugClass: entry.drugClass,
      strength: strengthWritten === null ? null : normaliseStrength(strengthWritten),
      dispensed: count,
    },
  };
}

export function compoundTitle(random: SeededRandom): ItemTitle {
  const ingredients = random.pick(COMPOUND_INGREDIENTS);
  const generic = ingredients.map((part) => part.replace(/\s[\d.]+%$/, '').toLowerCase()).join('/');
  // The strengths the heading states, one per ingredient; the tube size (grams) is not a strength.
  const strength = ingredients.map((part) => /[\d.]+%$/.exec(part)![0]).join('/');
  const grams = random.pick([120, 180, 240]);
  const title = random.weighted([
    [`Compound cream: ${ingredients.join(', ')} ${grams}gm`, 1],
    [`Compounded ${ingredients.join('/')} cream`, 1],
  ] as const);
  return {
    // A compound's treatment is its ingredients' generics, as for any drug.
    ...base(title, generic),
    drug: { name: generic, generic, drugClass: 'COMPOUND', strength, dispensed: null },
  };
}

/**
 * The heading as written in capitals (pdf-text letters print many that way). The drug name stays in its
 * dictionary spelling ("Norco" for "NORCO 10/325MG #120"): a name, like a generic, is normalised.
 */
export function inCapitals(item: ItemTitle): ItemTitle {
  return { ...item, title: item.title.toUpperCase() };
}
