import type { BodyRegion, Category } from '@imr/parser';
import { treatmentsMeasured, treatmentWeight } from '../calibration/calibrated-draws';
import type { Weighted } from '../seeded-random';
import {
  ANY_REGION_PHRASES,
  EXTREMITY_PHRASES,
  LIMB_PHRASES,
  type RegionPhrase,
  SPINE_PHRASES,
} from './body-regions.catalogue';
import {
  ACUPUNCTURE,
  CCR_DEFINITIONS,
  chronicPain,
  type GuidelineRef,
  odg,
  odgChapterFor,
  POSTSURGICAL,
  regionRef,
} from './guideline-refs';

/** How an item's heading is built (item-title.ts holds one builder per form). */
export type TitleForm =
  | 'therapy'
  | 'injection'
  | 'surgery'
  | 'imaging'
  | 'testing'
  | 'device'
  | 'visit'
  | 'program'
  | 'home-health'
  | 'plain';

export type TreatmentName = string | { text: string; treatment?: string; region?: BodyRegion };

function named(text: string, treatment?: string, region?: BodyRegion): TreatmentName {
  return {
    text,
    ...(treatment === undefined ? {} : { treatment }),
    ...(region === undefined ? {} : { region }),
  };
}

/** A non-drug treatment: what headings call it, how they are built, what guideline judges it. */
export interface TreatmentEntry {
  treatment: string;
  category: Category;
  /**
   * How headings name it. A name may carry its own normalised treatment (the parse taxonomy's finer name,
   * e.g. "medial branch block" under facet injections) and the body region it names itself ("Knee brace").
   */
  names: readonly TreatmentName[];
  form: TitleForm;
  regions: Weighted<RegionPhrase> | null;
  /** How often the heading names a region (when `regions` is set). */
  regionChance: number;
  /** The guideline references a reviewer cites for this treatment in a region. */
  refs: (region: BodyRegion | null) => readonly GuidelineRef[];
  /** The ODG topic a reviewer may add as a second, non-MTUS citation. */
  odgTopic: string;
  /** What the guideline says, as the rationale opens. */
  guidance: readonly string[];
  weight: number;
}

const MASSAGE_GUIDANCE = [
  'CA MTUS recommends massage therapy as an option as an adjunct to other recommended treatment (e.g. exercise), and states that it should be limited to 4-6 visits in most cases.',
  'Massage is a passive intervention and treatment dependence should be avoided.',
];
const PHYSICAL_MEDICINE_GUIDANCE = [
  'The CA MTUS recommends physical medicine for chronic pain with a clear preference for active therapy over passive therapy, with fading of treatment frequency plus active self-directed home physical medicine.',
  'Guidelines support 9-10 visits over 8 weeks for myalgia and myositis and 8-10 visits over 4 weeks for neuralgia, neuritis and radiculitis.',
];
const INJECTION_GUIDANCE = [
  'Guidelines require documentation of radiculopathy corroborated by imaging studies and/or electrodiagnostic testing, and failure of conservative treatment, before an epidural steroid injection is supported.',
  'Repeat blocks should be based on continued objective documented pain and functional improvement, including at least 50% pain relief with an associated reduction of medication use for six to eight weeks.',
];

export const TREATMENTS: readonly TreatmentEntry[] = [
  {
    treatment: 'physical therapy',
    category: 'PHYSICAL_MEDICINE',
    names: ['Physical therapy', 'Additional physical therapy', 'Post-operative physical therapy'],
    form: 'therapy',
    regions: ANY_REGION_PHRASES,
    regionChance: 0.6,
    refs: (region) => [
      chronicPain('Physical Medicine', 98, 99),
      region === 'KNEE' || region === 'SHOULDER'
        ? { kind: 'MTUS', chapter: POSTSURGICAL, topic: null, pages: [10, 12] }
        : chronicPain('Physical Medicine', 98, 99),
    ],
    odgTopic: 'Physical therapy',
    guidance: PHYSICAL_MEDICINE_GUIDANCE,
    weight: 40,
  },
  {
    treatment: 'chiropractic manipulation',
    category: 'PHYSICAL_MEDICINE',
    names: [
      'Chiropractic treatment',
      'Chiropractic adjustments',
      'Chiropractic manipulation',
      'Chiropractic care',
    ],
    form: 'therapy',
    regions: SPINE_PHRASES,
    regionChance: 0.5,
    refs: () => [
      chronicPain('Manual therapy & manipulation', 58, 60),
      chronicPain('Manual Therapy and Manipulation', 58, 59),
    ],
    odgTopic: 'Manipulation',
    guidance: [
      'The CA MTUS states that manual therapy such as chiropractic manipulation is widely recommended for chronic pain if caused by musculoskeletal conditions, with a trial of 6 visits over 2 weeks and up to 18 visits over 6-8 weeks with evidence of objective functional improvement.',
      'It is not medically indicated for maintenance or ongoing care.',
    ],
    weight: 16,
  },
  {
    treatment: 'acupuncture',
    category: 'PHYSICAL_MEDICINE',
    names: ['Acupuncture', 'Additional acupuncture'],
    form: 'therapy',
    regions: ANY_REGION_PHRASES,
    regionChance: 0.4,
    refs: () => [{ kind: 'MTUS', chapter: ACUPUNCTURE, topic: null, pages: null }],
    odgTopic: 'Acupuncture',
    guidance: [
      'The Acupuncture Medical Treatment Guidelines state that the time to produce functional improvement is 3-6 treatments, with a frequency of 1-3 times per week and an optimum duration of 1-2 months.',
      'Acupuncture treatments may be extended if functional improvement is documented.',
    ],
    weight: 12,
  },
  {
    treatment: 'massage therapy',
    category: 'PHYSICAL_MEDICINE',
    names: ['Massage therapy', 'Myofascial release', 'Manual massage therapy', 'Active tissue release'],
    form: 'therapy',
    regions: SPINE_PHRASES,
    regionChance: 0.5,
    refs: () => [chronicPain('Massage therapy', 60)],
    odgTopic: 'Massage therapy',
    guidance: MASSAGE_GUIDANCE,
    weight: 8,
  },
  {
    treatment: 'occupational therapy',
    category: 'PHYSICAL_MEDICINE',
    names: ['Occupational therapy'],
    form: 'therapy',
    regions: LIMB_PHRASES,
    regionChance: 0.6,
    refs: () => [chronicPain('Physical Medicine', 98, 99)],
    odgTopic: 'Physical/Occupational therapy',
    guidance: PHYSICAL_MEDICINE_GUIDANCE,
    weight: 5,
  },
  {
    treatment: 'aquatic therapy',
    category: 'PHYSICAL_MEDICINE',
    names: ['Aquatic therapy', 'Pool therapy'],
    form: 'therapy',
    regions: SPINE_PHRASES,
    regionChance: 0.3,
    refs: () => [chronicPain('Aquatic therapy', 22)],
    odgTopic: 'Aquatic therapy',
    guidance: [
      'CA MTUS recommends aquatic therapy as an optional form of exercise therapy, where available, as an alternative to land-based physical therapy, specifically where reduced weight bearing is desirable, for example extreme obesity.',
    ],
    weight: 3,
  },
  {
    treatment: 'epidural steroid injection',
    category: 'INJECTION',
    names: [
      'epidural steroid injection',
      'transforaminal epidural steroid injection',
      'interlaminar epidural steroid injection',
    ],
    form: 'injection',
    regions: SPINE_PHRASES,
    regionChance: 0.95,
    refs: () => [chronicPain('Epidural steroid injections (ESIs)', 46)],
    odgTopic: 'Epidural steroid injections (ESIs)',
    guidance: INJECTION_GUIDANCE,
    weight: 12,
  },
  {
    treatment: 'facet injection',
    category: 'INJECTION',
    names: ['facet joint injection', named('medial branch block', 'medial branch block'), 'facet injections'],
    form: 'injection',
    regions: SPINE_PHRASES,
    regionChance: 0.95,
    refs: (region) => [regionRef(region, 'surgery', 'Facet joint diagnostic blocks (injections)')],
    odgTopic: 'Facet joint diagnostic blocks (injections)',
    guidance: [
      'Guidelines support no more than one set of medial branch diagnostic blocks prior to facet neurotomy, limited to patients with low-back pain that is non-radicular and at no more than two levels bilaterally.',
    ],
    weight: 6,
  },
  {
    treatment: 'radiofrequency ablation',
    category: 'INJECTION',
    names: ['radiofrequency ablation', 'radiofrequency neurotomy'],
    form: 'injection',
    regions: SPINE_PHRASES,
    regionChance: 0.9,
    refs: (region) => [odg(odgChapterFor(region), 'Facet joint radiofrequency neurotomy')],
    odgTopic: 'Facet joint radiofrequency neurotomy',
    guidance: [
      'ODG supports facet joint radiofrequency neurotomy after a diagnosis of facet joint pain using a medial branch block with a response of at least 70%.',
    ],
    weight: 2,
  },
  {
    treatment: 'trigger point injection',
    category: 'INJECTION',
    names: ['Trigger point injections', 'Trigger point injection'],
    form: 'injection',
    regions: SPINE_PHRASES,
    regionChance: 0.3,
    refs: () => [chronicPain('Trigger point injections', 122)],
    odgTopic: 'Trigger point injections',
    guidance: [
      'CA MTUS recommends trigger point injections only for myofascial pain syndrome with documentation of circumscribed trigger points with evidence upon palpation of a twitch response as well as referred pain.',
    ],
    weight: 5,
  },
  {
    treatment: 'corticosteroid injection',
    category: 'INJECTION',
    names: [
      'corticosteroid injection',
      'cortisone injection',
      named('Synvisc injection', 'viscosupplementation'),
      named('platelet-rich plasma injection', 'platelet rich plasma injection'),
    ],
    form: 'injection',
    regions: LIMB_PHRASES,
    regionChance: 0.95,
    refs: (region) => [regionRef(region, 'surgery', 'Injections')],
    odgTopic: 'Corticosteroid injections',
    guidance: [
      'Guidelines support intra-articular injections when there is documentation of symptomatic arthritis that has not responded adequately to conservative treatment.',
    ],
    weight: 4,
  },
  {
    treatment: 'arthroscopy',
    category: 'SURGERY',
    names: ['arthroscopy', 'arthroscopic surgery', 'arthroscopic debridement'],
    form: 'surgery',
    regions: [
      [LIMB_PHRASES[0]![0], 5],
      [LIMB_PHRASES[1]![0], 4],
      [LIMB_PHRASES[3]![0], 5],
      [LIMB_PHRASES[4]![0], 4],
    ],
    regionChance: 1,
    refs: (region) => [regionRef(region, 'surgery', 'Diagnostic arthroscopy')],
    odgTopic: 'Diagnostic arthroscopy',
    guidance: [
      'Guidelines support surgical consideration when there is activity limitation for more than one month, failure of exercise programs to increase range of motion, and clear clinical and imaging evidence of a lesion shown to benefit from surgical repair.',
    ],
    weight: 6,
  },
  {
    treatment: 'spinal fusion',
    category: 'SURGERY',
    names: [
      named(
        'anterior cervical discectomy and fusion',
        'anterior cervical discectomy and fusion',
        'CERVICAL_SPINE',
      ),
      named('lumbar fusion', undefined, 'LUMBAR_SPINE'),
      named('lumbar laminectomy', 'laminectomy', 'LUMBAR_SPINE'),
      named('lumbar microdiscectomy', 'discectomy', 'LUMBAR_SPINE'),
    ],
    form: 'surgery',
    regions: null,
    regionChance: 0,
    refs: (region) => [regionRef(region ?? 'LUMBAR_SPINE', 'surgery', 'Fusion (spinal)')],
    odgTopic: 'Fusion (spinal)',
    guidance: [
      'Guidelines support surgical consultation for patients with severe and disabling lower leg symptoms in a distribution consistent with abnormalities on imaging studies, preferably with accompanying objective signs of neural compromise.',
    ],
    weight: 4,
  },
  {
    treatment: 'carpal tunnel release',
    category: 'SURGERY',
    names: [
      named('carpal tunnel release', undefined, 'WRIST_HAND'),
      named('open carpal tunnel release', undefined, 'WRIST_HAND'),
    ],
    form: 'surgery',
    regions: null,
    regionChance: 0,
    refs: () => [regionRef('WRIST_HAND', 'surgery', 'Carpal tunnel release surgery (CTR)')],
    odgTopic: 'Carpal tunnel release surgery (CTR)',
    guidance: [
      'Carpal tunnel release is supported when the diagnosis is confirmed by positive findings on clinical examination and by nerve conduction tests, after failure of conservative care.',
    ],
    weight: 2,
  },
  {
    treatment: 'mri',
    category: 'DIAGNOSTIC_IMAGING',
    names: ['MRI', 'MRI without contrast', 'Repeat MRI', 'Magnetic resonance imaging'],
    form: 'imaging',
    regions: ANY_REGION_PHRASES,
    regionChance: 0.95,
    refs: (region) => [regionRef(region, 'imaging', 'MRIs (magnetic resonance imaging)')],
    odgTopic: 'MRIs (magnetic resonance imaging)',
    guidance: [
      'Guidelines support imaging when there are unequivocal objective findings that identify specific nerve compromise on the neurologic examination in patients who do not respond to treatment and who would consider surgery an option.',
      'Repeat MRI is not routinely recommended, and should be reserved for a significant change in symptoms and/or findings suggestive of significant pathology.',
    ],
    weight: 14,
  },
  {
    treatment: 'x-ray',
    category: 'DIAGNOSTIC_IMAGING',
    names: ['X-rays', 'X-ray', 'Radiographs'],
    form: 'imaging',
    regions: ANY_REGION_PHRASES,
    regionChance: 0.95,
    refs: (region) => [regionRef(region, 'imaging', 'Radiography')],
    odgTopic: 'Radiography',
    guidance: [
      'Guidelines do not recommend routine radiographs in the absence of red flags for serious spinal pathology, even if the pain has persisted for at least six weeks.',
    ],
    weight: 6,
  },
  {
    treatment: 'ct scan',
    category: 'DIAGNOSTIC_IMAGING',
    names: ['CT scan', 'CT scan without contrast'],
    form: 'imaging',
    regions: [...ANY_REGION_PHRASES, [{ text: 'head', region: 'HEAD', short: 'head' }, 3]],
    regionChance: 1,
    refs: (region) => [regionRef(region, 'imaging', 'Computed tomography (CT)')],
    odgTopic: 'Computed tomography (CT)',
    guidance: [
      'Computed tomography is reserved for patients with red flags or equivocal findings on plain films when surgery is being considered.',
    ],
    weight: 2,
  },
  {
    treatment: 'emg/ncv',
    category: 'DIAGNOSTIC_TESTING',
    names: ['EMG/NCV', 'EMG/NCS', 'Electromyography and nerve conduction studies'],
    form: 'testing',
    regions: EXTREMITY_PHRASES,
    regionChance: 0.9,
    refs: (region) => [regionRef(region ?? 'LOWER_EXTREMITY', 'imaging', 'Electrodiagnostic studies (EDS)')],
    odgTopic: 'Nerve conduction studies (NCS)',
    guidance: [
      'Electromyography, including H-reflex tests, may be useful to identify subtle, focal neurologic dysfunction in patients with low back symptoms lasting more than three or four weeks.',
    ],
    weight: 8,
  },
  {
    treatment: 'urine drug screen',
    category: 'DIAGNOSTIC_TESTING',
    names: [
      'Urine drug screen',
      'Urine drug test',
      'Urine toxicology screen',
      'Retrospective urine drug screen',
    ],
    form: 'plain',
    regions: null,
    regionChance: 0,
    refs: () => [
      chronicPain('Drug testing', 43),
      chronicPain('Opioids, steps to avoid misuse/addiction', 94, 95),
    ],
    odgTopic: 'Urine drug testing (UDT)',
    guidance: [
      'CA MTUS recommends drug testing as an option, using a urine drug screen to assess for the use or the presence of illegal drugs, and for patients with issues of abuse, addiction, or poor pain control.',
    ],
    weight: 8,
  },
  {
    treatment: 'laboratory tests',
    category: 'DIAGNOSTIC_TESTING',
    names: ['Complete blood count', 'Comprehensive metabolic panel', 'Liver and kidney function tests'],
    form: 'plain',
    regions: null,
    regionChance: 0,
    refs: () => [chronicPain('NSAIDs, specific drug list & adverse effects', 70)],
    odgTopic: 'Lab testing',
    guidance: [
      'Routine laboratory monitoring is supported for patients on long-term NSAID therapy, including periodic CBC and chemistry profile.',
    ],
    weight: 2,
  },
  {
    treatment: 'tens unit',
    category: 'DME',
    names: ['TENS unit', 'TENS unit rental', 'Purchase of a TENS unit', 'TENS unit and supplies'],
    form: 'device',
    regions: null,
    regionChance: 0,
    refs: () => [
      chronicPain('Transcutaneous electrotherapy', 114, 116),
      chronicPain('TENS, chronic pain (transcutaneous electrical nerve stimulation)', 114, 116),
    ],
    odgTopic: 'TENS (transcutaneous electrical nerve stimulation)',
    guidance: [
      'CA MTUS does not recommend TENS as a primary treatment modality, but a one-month home-based TENS trial may be considered as a noninvasive conservative option if used as an adjunct to a program of evidence-based functional restoration.',
    ],
    weight: 8,
  },
  {
    treatment: 'brace',
    category: 'DME',
    names: [
      named('Lumbar support brace', undefined, 'LUMBAR_SPINE'),
      named('LSO brace', undefined, 'LUMBAR_SPINE'),
      named('Knee brace', undefined, 'KNEE'),
      named('Wrist brace', undefined, 'WRIST_HAND'),
      named('Cervical collar', undefined, 'CERVICAL_SPINE'),
    ],
    form: 'device',
    regions: null,
    regionChance: 0,
    refs: (region) => [
      region === 'LUMBAR_SPINE'
        ? { kind: 'MTUS', chapter: 'Low Back Complaints', topic: null, pages: [301, 301] }
        : odg(odgChapterFor(region), 'Braces'),
    ],
    odgTopic: 'Braces',
    guidance: [
      'Lumbar supports have not been shown to have any lasting benefit beyond the acute phase of symptom relief.',
    ],
    weight: 5,
  },
  {
    treatment: 'cold therapy unit',
    category: 'DME',
    names: [
      'Cold therapy unit',
      'Hot/cold therapy unit',
      named('Interferential unit', 'interferential unit'),
      named('Home cervical traction unit', 'traction unit', 'CERVICAL_SPINE'),
    ],
    form: 'device',
    regions: null,
    regionChance: 0,
    refs: (region) => [odg(odgChapterFor(region), 'Continuous-flow cryotherapy')],
    odgTopic: 'Continuous-flow cryotherapy',
    guidance: [
      'ODG recommends continuous-flow cryotherapy as an option after surgery for up to 7 days, but not for non-surgical treatment.',
    ],
    weight: 4,
  },
  {
    treatment: 'follow-up visit',
    category: 'EVALUATION_MANAGEMENT',
    names: [
      'Follow-up visit',
      'Follow-up office visits',
      named('Office visit', 'office visit'),
      'Follow-up with pain management',
    ],
    form: 'visit',
    regions: null,
    regionChance: 0,
    refs: () => [odg('Pain (Chronic)', 'Office visits'), CCR_DEFINITIONS],
    odgTopic: 'Office visits',
    guidance: [
      'ODG states that the need for a clinical office visit with a health care provider is individualized based upon a review of the patient concerns, signs and symptoms, clinical stability, and reasonable physician judgment.',
    ],
    weight: 10,
  },
  {
    treatment: 'consultation',
    category: 'EVALUATION_MANAGEMENT',
    names: [
      'Orthopedic consultation',
      named('Pain management consultation', 'pain management consultation'),
      'Neurosurgical consultation',
      named('Referral to a neurologist', 'referral'),
    ],
    form: 'visit',
    regions: null,
    regionChance: 0,
    refs: () => [
      {
        kind: 'MTUS',
        chapter: 'General Approaches',
        topic: 'Independent Medical Examinations and Consultations',
        pages: [127, 127],
      },
    ],
    odgTopic: 'Office visits',
    guidance: [
      'ACOEM guidelines state that the occupational health practitioner may refer to other specialists if a diagnosis is uncertain or extremely complex, when psychosocial factors are present, or when the plan or course of care may benefit from additional expertise.',
    ],
    weight: 8,
  },
  {
    treatment: 'psychotherapy',
    category: 'BEHAVIORAL_HEALTH',
    names: [
      named('Cognitive behavioral therapy', 'cognitive behavioral therapy'),
      'Psychotherapy',
      'Individual psychotherapy',
      named('Biofeedback', 'biofeedback'),
    ],
    form: 'therapy',
    regions: null,
    regionChance: 0,
    refs: () => [
      chronicPain('Behavioral interventions', 23),
      chronicPain('Psychological treatment', 101, 102),
    ],
    odgTopic: 'Cognitive behavioral therapy (CBT)',
    guidance: [
      'CA MTUS recommends an initial trial of 3-4 psychotherapy visits over 2 weeks, and with evidence of objective functional improvement, a total of up to 6-10 visits over 5-6 weeks.',
    ],
    weight: 6,
  },
  {
    treatment: 'psychological evaluation',
    category: 'BEHAVIORAL_HEALTH',
    names: ['Psychological evaluation', named('Psychological testing', 'psychological testing')],
    form: 'plain',
    regions: null,
    regionChance: 0,
    refs: () => [chronicPain('Psychological evaluations', 100, 101)],
    odgTopic: 'Psychological evaluations',
    guidance: [
      'Psychological evaluations are generally accepted, well-established diagnostic procedures not only with selected use in pain problems, but also with more widespread use in chronic pain populations.',
    ],
    weight: 3,
  },
  {
    treatment: 'functional restoration program',
    category: 'PROGRAM',
    names: [
      'Functional restoration program',
      'HELP functional restoration program',
      named('Work hardening program', 'work hardening'),
      named('Work conditioning', 'work hardening'),
    ],
    form: 'program',
    regions: null,
    regionChance: 0,
    refs: () => [
      chronicPain('Chronic pain programs (functional restoration programs)', 30, 34),
      chronicPain('Functional restoration programs (FRPs)', 49),
    ],
    odgTopic: 'Functional restoration programs (FRPs)',
    guidance: [
      'CA MTUS supports functional restoration programs when an adequate and thorough evaluation has been made, previous methods of treating chronic pain have been unsuccessful, and the patient exhibits motivation to change.',
      'Treatment is not suggested for longer than 2 weeks without evidence of demonstrated efficacy as documented by subjective and objective gains.',
    ],
    weight: 5,
  },
  {
    treatment: 'home health care',
    category: 'HOME_HEALTH',
    names: ['Home health care', named('Home health aide', 'home health aide'), 'Home health services'],
    form: 'home-health',
    regions: null,
    regionChance: 0,
    refs: () => [chronicPain('Home health services', 51)],
    odgTopic: 'Home health services',
    guidance: [
      'CA MTUS recommends home health services only for otherwise recommended medical treatment for patients who are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week.',
    ],
    weight: 4,
  },
  {
    treatment: 'gym membership',
    category: 'OTHER',
    names: [
      'Gym membership',
      'Gym membership with pool access',
      named('Weight loss program', 'weight loss program'),
    ],
    form: 'program',
    regions: null,
    regionChance: 0,
    refs: (region) => [odg(odgChapterFor(region), 'Gym memberships')],
    odgTopic: 'Gym memberships',
    guidance: [
      'ODG does not recommend gym memberships as a medical prescription unless a home exercise program has not been effective and there is a need for equipment.',
    ],
    weight: 3,
  },
  {
    treatment: 'transportation',
    category: 'OTHER',
    names: ['Transportation to and from medical appointments', 'Medical transportation'],
    form: 'plain',
    regions: null,
    regionChance: 0,
    refs: () => [odg('Knee & Leg', 'Transportation (to & from appointments)')],
    odgTopic: 'Transportation (to & from appointments)',
    guidance: [
      'ODG recommends transportation for medically necessary appointments in the same community for patients with disabilities preventing them from self-transport.',
    ],
    weight: 1,
  },
];

const BY_CATEGORY = new Map<Category, Weighted<TreatmentEntry>>();

/** The normalised treatments an entry's headings name: its own and any finer one a name carries. */
function treatmentsOf(entry: TreatmentEntry): string[] {
  const names = entry.names.map((name) =>
    typeof name === 'string' ? entry.treatment : (name.treatment ?? entry.treatment),
  );
  return [...new Set([entry.treatment, ...names])];
}

/** A category's treatments weighted as the real letters show them (calibration/calibrated-draws.ts). */
export function treatmentsOfCategory(category: Category): Weighted<TreatmentEntry> {
  let entries = BY_CATEGORY.get(category);
  if (entries === undefined) {
    const inCategory = TREATMENTS.filter((entry) => entry.category === category);
    const measured = treatmentsMeasured(category, inCategory.flatMap(treatmentsOf));
    entries = inCategory.map(
      (entry) => [entry, treatmentWeight(category, treatmentsOf(entry), entry.weight, measured)] as const,
    );
    BY_CATEGORY.set(category, entries);
  }
  return entries;
}
