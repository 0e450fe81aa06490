import type { DrugClass } from '@imr/parser';
import type { Weighted } from '../seeded-random';
import { CHRONIC_PAIN, chronicPain, type GuidelineRef, odg } from './guideline-refs';

/**
 * A drug as item headings name it. `strengths` are written the way prescribers write them ("10/325mg",
 * "5%"); the truth strength is the normalised form (number, one space, unit: "10/325 mg").
 */
export interface DrugEntry {
  names: readonly string[];
  generic: string | null;
  drugClass: DrugClass;
  strengths: readonly string[];
  counts: readonly number[];
  /** The treatment name when there is no generic (medical foods, compounds). */
  treatment?: string;
  /** The product form headings add after the name ("Terocin patches", "Menthoderm gel"); not part of the name. */
  form?: string;
  weight: number;
}

/** The guideline topic each class is judged under, claims administrator and reviewer alike. */
export const DRUG_CLASS_REFS: Readonly<Record<DrugClass, readonly GuidelineRef[]>> = {
  OPIOID: [
    chronicPain('Opioids', 74, 96),
    chronicPain('Opioids', 74, 80),
    chronicPain('Opioids, criteria for use', 76, 80),
    chronicPain('Opioids, specific drug list', 91, 91),
  ],
  NSAID: [
    chronicPain('NSAIDs (non-steroidal anti-inflammatory drugs)', 67, 73),
    chronicPain('NSAIDs', 67, 68),
    chronicPain('Anti-inflammatory medications', 22, 22),
  ],
  MUSCLE_RELAXANT: [
    chronicPain('Muscle relaxants (for pain)', 63, 66),
    chronicPain('Muscle relaxants', 63, 64),
  ],
  ANTICONVULSANT: [
    chronicPain('Antiepilepsy drugs (AEDs)', 16, 22),
    chronicPain('Anti-epilepsy drugs', 16, 18),
  ],
  ANTIDEPRESSANT: [
    chronicPain('Antidepressants for chronic pain', 13, 16),
    chronicPain('Antidepressants', 13, 15),
  ],
  TOPICAL: [chronicPain('Topical Analgesics', 111, 113), chronicPain('Lidoderm (lidocaine patch)', 56, 57)],
  SEDATIVE_HYPNOTIC: [
    odg('Pain (Chronic)', 'Insomnia treatment'),
    odg('Mental Illness & Stress', 'Zolpidem'),
  ],
  BENZODIAZEPINE: [chronicPain('Benzodiazepines', 24, 24)],
  PROTON_PUMP_INHIBITOR: [
    chronicPain('NSAIDs, GI symptoms & cardiovascular risk', 68, 69),
    chronicPain('NSAIDs, GI symptoms and cardiovascular risk', 68, 69),
  ],
  COMPOUND: [chronicPain('Topical Analgesics', 111, 113)],
  OTHER: [odg('Pain (Chronic)', 'Medical food'), odg('Pain (Chronic)', 'Antiemetics (for opioid nausea)')],
};

export const CA_DRUG_TOPIC_CHAPTER = CHRONIC_PAIN;

function drug(
  names: readonly string[],
  generic: string | null,
  drugClass: DrugClass,
  strengths: readonly string[],
  counts: readonly number[],
  weight: number,
  treatment?: string,
): DrugEntry {
  return treatment === undefined
    ? { names, generic, drugClass, strengths, counts, weight }
    : { names, generic, drugClass, strengths, counts, weight, treatment };
}

const TABLETS = [30, 60, 90, 120] as const;
const OPIOID_COUNTS = [60, 90, 120, 180, 240] as const;

export const DRUGS: readonly DrugEntry[] = [
  drug(
    ['Norco'],
    'hydrocodone/acetaminophen',
    'OPIOID',
    ['10/325mg', '7.5/325mg', '5/325mg'],
    OPIOID_COUNTS,
    30,
  ),
  drug(
    ['Hydrocodone/APAP'],
    'hydrocodone/acetaminophen',
    'OPIOID',
    ['10/325mg', '5/325mg'],
    OPIOID_COUNTS,
    6,
  ),
  drug(['Percocet'], 'oxycodone/acetaminophen', 'OPIOID', ['10/325mg', '5/325mg'], OPIOID_COUNTS, 10),
  drug(['Tramadol', 'tramadol'], 'tramadol', 'OPIOID', ['50mg', '150mg'], TABLETS, 16),
  drug(['Ultram ER'], 'tramadol', 'OPIOID', ['150mg', '100mg'], TABLETS, 5),
  drug(['Ultracet'], 'tramadol/acetaminophen', 'OPIOID', ['37.5/325mg'], TABLETS, 4),
  drug(['OxyContin'], 'oxycodone', 'OPIOID', ['20mg', '40mg', '10mg'], [60, 90], 7),
  drug(['Oxycodone'], 'oxycodone', 'OPIOID', ['10mg', '15mg', '30mg'], OPIOID_COUNTS, 6),
  drug(['Dilaudid'], 'hydromorphone', 'OPIOID', ['4mg', '2mg', '8mg'], [60, 90, 120], 5),
  drug(['MS Contin'], 'morphine', 'OPIOID', ['15mg', '30mg', '60mg'], [60, 90], 4),
  drug(['Nucynta'], 'tapentadol', 'OPIOID', ['50mg', '75mg', '100mg'], [60, 90], 3),
  drug(['Butrans'], 'buprenorphine', 'OPIOID', ['10mcg/hr', '20mcg/hr'], [4, 8], 2),
  drug(['Fentanyl patch'], 'fentanyl', 'OPIOID', ['25mcg/hr', '50mcg/hr'], [10, 15], 2),
  drug(['Naproxen', 'naproxen sodium'], 'naproxen', 'NSAID', ['550mg', '500mg'], TABLETS, 12),
  drug(['Anaprox DS'], 'naproxen', 'NSAID', ['550mg'], TABLETS, 4),
  drug(['Motrin', 'Ibuprofen'], 'ibuprofen', 'NSAID', ['800mg', '600mg'], TABLETS, 6),
  drug(['Mobic', 'Meloxicam'], 'meloxicam', 'NSAID', ['15mg', '7.5mg'], [30, 60], 6),
  drug(['Celebrex'], 'celecoxib', 'NSAID', ['200mg', '100mg'], [30, 60], 5),
  drug(['Relafen', 'Nabumetone'], 'nabumetone', 'NSAID', ['750mg', '500mg'], [60, 90], 3),
  drug(['Voltaren XR', 'Diclofenac sodium ER'], 'diclofenac', 'NSAID', ['100mg', '75mg'], [30, 60], 3),
  drug(
    ['Flexeril', 'Cyclobenzaprine'],
    'cyclobenzaprine',
    'MUSCLE_RELAXANT',
    ['7.5mg', '10mg', '5mg'],
    TABLETS,
    14,
  ),
  drug(['Fexmid'], 'cyclobenzaprine', 'MUSCLE_RELAXANT', ['7.5mg'], [60, 90], 3),
  drug(['Soma', 'Carisoprodol'], 'carisoprodol', 'MUSCLE_RELAXANT', ['350mg', '250mg'], [30, 60, 90], 6),
  drug(['Zanaflex', 'Tizanidine'], 'tizanidine', 'MUSCLE_RELAXANT', ['4mg', '2mg'], [30, 60, 90], 6),
  drug(['Robaxin', 'Methocarbamol'], 'methocarbamol', 'MUSCLE_RELAXANT', ['750mg', '500mg'], [60, 90], 3),
  drug(['Skelaxin'], 'metaxalone', 'MUSCLE_RELAXANT', ['800mg'], [60, 90], 2),
  drug(['Baclofen'], 'baclofen', 'MUSCLE_RELAXANT', ['10mg', '20mg'], [60, 90], 2),
  drug(
    ['Neurontin', 'Gabapentin', 'gabapentin'],
    'gabapentin',
    'ANTICONVULSANT',
    ['600mg', '300mg', '800mg'],
    TABLETS,
    12,
  ),
  drug(['Lyrica'], 'pregabalin', 'ANTICONVULSANT', ['75mg', '50mg', '150mg'], [60, 90], 7),
  drug(['Topamax', 'Topiramate'], 'topiramate', 'ANTICONVULSANT', ['50mg', '25mg'], [60], 2),
  drug(['Cymbalta', 'Duloxetine'], 'duloxetine', 'ANTIDEPRESSANT', ['60mg', '30mg'], [30, 60], 6),
  drug(['Elavil', 'Amitriptyline'], 'amitriptyline', 'ANTIDEPRESSANT', ['25mg', '10mg'], [30, 60], 4),
  drug(['Wellbutrin'], 'bupropion', 'ANTIDEPRESSANT', ['150mg', '300mg'], [30, 60], 2),
  drug(['Effexor XR'], 'venlafaxine', 'ANTIDEPRESSANT', ['75mg', '150mg'], [30, 60], 2),
  drug(['Trazodone'], 'trazodone', 'ANTIDEPRESSANT', ['50mg', '100mg'], [30, 60], 3),
  drug(['Lidoderm'], 'lidocaine', 'TOPICAL', ['5%'], [30, 60, 90], 12),
  drug(['Lidocaine patch'], 'lidocaine', 'TOPICAL', ['5%', '4%'], [30, 60], 4),
  drug(['Voltaren gel', 'Diclofenac gel'], 'diclofenac', 'TOPICAL', ['1%'], [1, 3], 6),
  drug(['Flector patch'], 'diclofenac', 'TOPICAL', ['1.3%'], [30, 60], 3),
  { ...drug(['Terocin'], null, 'TOPICAL', [], [10, 20, 30], 4, 'terocin'), form: 'patches' },
  drug(['Capsaicin cream'], 'capsaicin', 'TOPICAL', ['0.075%', '0.025%'], [1, 2], 2),
  { ...drug(['Menthoderm'], 'methyl salicylate/menthol', 'TOPICAL', [], [1, 2], 2), form: 'gel' },
  drug(['Ambien', 'Zolpidem'], 'zolpidem', 'SEDATIVE_HYPNOTIC', ['10mg', '5mg', '12.5mg'], [30], 10),
  drug(['Lunesta'], 'eszopiclone', 'SEDATIVE_HYPNOTIC', ['3mg', '2mg'], [30], 3),
  drug(['Sonata'], 'zaleplon', 'SEDATIVE_HYPNOTIC', ['10mg'], [30], 1),
  drug(['Xanax', 'Alprazolam'], 'alprazolam', 'BENZODIAZEPINE', ['0.5mg', '1mg', '0.25mg'], [30, 60, 90], 4),
  drug(['Valium', 'Diazepam'], 'diazepam', 'BENZODIAZEPINE', ['5mg', '10mg'], [30, 60], 3),
  drug(['Klonopin', 'Clonazepam'], 'clonazepam', 'BENZODIAZEPINE', ['1mg', '0.5mg'], [30, 60], 2),
  drug(['Ativan'], 'lorazepam', 'BENZODIAZEPINE', ['1mg', '2mg'], [30, 60], 1),
  drug(
    ['Prilosec', 'Omeprazole', 'omeprazole'],
    'omeprazole',
    'PROTON_PUMP_INHIBITOR',
    ['20mg', '40mg'],
    [30, 60, 90],
    12,
  ),
  drug(['Protonix', 'Pantoprazole'], 'pantoprazole', 'PROTON_PUMP_INHIBITOR', ['20mg', '40mg'], [30, 60], 5),
  drug(['Nexium'], 'esomeprazole', 'PROTON_PUMP_INHIBITOR', ['40mg', '20mg'], [30, 60], 3),
  drug(['Prevacid'], 'lansoprazole', 'PROTON_PUMP_INHIBITOR', ['30mg', '15mg'], [30, 60], 2),
  drug(['Zofran', 'Ondansetron'], 'ondansetron', 'OTHER', ['8mg', '4mg'], [10, 30], 3),
  drug(['Colace'], 'docusate', 'OTHER', ['100mg'], [60, 100], 2),
  drug(['Imitrex'], 'sumatriptan', 'OTHER', ['50mg', '100mg'], [9, 18], 1),
  drug(['Theramine'], null, 'OTHER', [], [60, 90, 120], 2, 'theramine'),
  drug(['Sentra PM'], null, 'OTHER', [], [60], 1, 'sentra pm'),
];

/** Compounded topical creams: the ingredients written in the heading, the class COMPOUND, no single generic. */
export const COMPOUND_INGREDIENTS: readonly (readonly string[])[] = [
  ['Flurbiprofen 20%', 'Lidocaine 5%'],
  ['Ketoprofen 10%', 'Gabapentin 6%', 'Lidocaine 5%'],
  ['Cyclobenzaprine 2%', 'Flurbiprofen 25%'],
  ['Tramadol 10%', 'Gabapentin 10%', 'Menthol 2%', 'Camphor 2%'],
  ['Amitriptyline 4%', 'Dextromethorphan 10%', 'Tramadol 20%'],
  ['Capsaicin 0.025%', 'Menthol 2%', 'Camphor 2%'],
];

const BY_CLASS = new Map<DrugClass, Weighted<DrugEntry>>();

export function drugsOfClass(drugClass: DrugClass): Weighted<DrugEntry> {
  let entries = BY_CLASS.get(drugClass);
  if (entries === undefined) {
    entries = DRUGS.filter((entry) => entry.drugClass === drugClass).map(
      (entry) => [entry, entry.weight] as const,
    );
    BY_CLASS.set(drugClass, entries);
  }
  return entries;
}
