import type { BodyRegion, Category, Decision, DisputedItem } from '@imr/parser';
import {
  CATEGORY_WEIGHTS,
  CLAIMS_ADMINISTRATOR_SOURCES,
  DRUG_CLASS_WEIGHTS,
  type DrawnSource,
  drawLength,
  RATIONALE_LENGTH,
  REVIEWER_SOURCES,
} from './calibration/calibrated-draws';
import { lengthened, RATIONALE_PROSE } from './catalogue/clinical-prose.catalogue';
import { DRUG_CLASS_REFS, drugsOfClass } from './catalogue/drugs.catalogue';
import {
  type GuidelineRef,
  MTUS_ACOEM,
  NO_EVIDENCE,
  OTHER_EVIDENCE,
  odg,
  odgChapterFor,
} from './catalogue/guideline-refs';
import { treatmentsOfCategory } from './catalogue/treatments.catalogue';
import { type CitationModel, citationModel, citationTruth } from './guideline-citation';
import { compoundTitle, drugTitle, type ItemTitle, inCapitals, treatmentTitle } from './item-title';
import type { SeededRandom } from './seeded-random';

/** One disputed item: its truth record and the citation wordings the layouts print. */
export interface ItemModel {
  truth: DisputedItem;
  /** The heading as running text quotes it: mixed case, a leading common word in lower case. */
  quotedTitle: string;
  claimsAdministrator: CitationModel[];
  reviewer: CitationModel[];
}

export interface ItemContext {
  decision: Decision;
  /** Print the heading in capitals (pdf-text letters do about half the time). */
  capitals: boolean;
  diagnoses: readonly string[];
  /** "The utilization review dated ... denied the request" sentence to open the rationale with, if any. */
  urSentence: string | null;
  /** Whether guideline lines give page numbers (the 2016-17 letters name sections instead). */
  pagesCited: boolean;
}

const DRUG_GUIDANCE: Readonly<Record<string, readonly string[]>> = {
  OPIOID: [
    'MTUS Chronic Pain Medical Treatment Guidelines necessitate documentation that the prescriptions are from a single practitioner and are taken as directed, that the lowest possible dose is being prescribed, and that there will be ongoing review and documentation of pain relief, functional status, appropriate medication use, and side effects.',
    'Guidelines recommend discontinuing opioids if there is no overall improvement in function, unless there are extenuating circumstances.',
  ],
  NSAID: [
    'CA MTUS recommends NSAIDs at the lowest dose for the shortest period in patients with moderate to severe pain, and notes that there is no evidence of long-term effectiveness for pain or function.',
  ],
  MUSCLE_RELAXANT: [
    'CA MTUS recommends non-sedating muscle relaxants with caution as a second-line option for short-term treatment of acute exacerbations in patients with chronic low back pain.',
    'Efficacy appears to diminish over time, and prolonged use may lead to dependence.',
  ],
  ANTICONVULSANT: [
    'CA MTUS recommends antiepilepsy drugs for neuropathic pain, and states that a good response is a 50% reduction in pain while a moderate response is a 30% reduction.',
  ],
  ANTIDEPRESSANT: [
    'CA MTUS recommends antidepressants as a first line option for neuropathic pain, and as a possibility for non-neuropathic pain, with assessment of changes in pain, function, sleep quality and duration.',
  ],
  TOPICAL: [
    'CA MTUS states that topical analgesics are largely experimental in use with few randomized controlled trials to determine efficacy or safety, and are primarily recommended for neuropathic pain when trials of antidepressants and anticonvulsants have failed.',
  ],
  SEDATIVE_HYPNOTIC: [
    'ODG states that zolpidem is a short-acting nonbenzodiazepine hypnotic approved for the short-term (usually two to six weeks) treatment of insomnia.',
  ],
  BENZODIAZEPINE: [
    'CA MTUS does not recommend benzodiazepines for long-term use because long-term efficacy is unproven and there is a risk of dependence; most guidelines limit use to 4 weeks.',
  ],
  PROTON_PUMP_INHIBITOR: [
    'CA MTUS supports a proton pump inhibitor for patients at intermediate or high risk for gastrointestinal events who are taking NSAIDs.',
  ],
  COMPOUND: [
    'CA MTUS states that any compounded product that contains at least one drug (or drug class) that is not recommended is not recommended.',
  ],
  OTHER: ['The guidelines do not support this medication for the indication documented in the records.'],
};

const UPHELD_FINDINGS = [
  'There is no documentation of objective functional improvement following previous treatment.',
  'The medical records do not document the number of prior sessions completed or the response to them.',
  'There is no documentation of a reduction in work restrictions, an increase in activity tolerance, or a reduction in the use of medications as a result of treatment to date.',
  'The records provided do not establish a clear rationale for the request.',
  'There is no indication that the injured worker is participating in an active home exercise program.',
  'The request exceeds the amount of treatment recommended by the guidelines.',
  'There is no documentation of a failure of conservative treatment.',
  'The most recent progress report does not document subjective complaints or objective findings that would support the request.',
];

const OVERTURNED_FINDINGS = [
  'The records document objective functional improvement with prior treatment, including improved range of motion and a decrease in medication use.',
  'The injured worker has not had this treatment in the recent past and presents with a flare-up of symptoms.',
  'The treating physician has documented the criteria required by the guidelines.',
  'Given the documented functional deficits and the failure of conservative care, the request is supported.',
];

/** Drug names keep their capital ("the request for Dilaudid 4mg #90"); other headings read as a phrase. */
function quoted(title: string, category: Category): string {
  if (category === 'PHARMACEUTICAL' || /^[A-Z]{2}/.test(title)) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** About the length of the concluding sentence that follows the lengthened body of a rationale. */
const CONCLUSION_LENGTH = 120;

function rationaleOf(
  guidance: readonly string[],
  quotedTitle: string,
  context: ItemContext,
  random: SeededRandom,
): string {
  const sentences: string[] = [];
  if (context.urSentence !== null) sentences.push(context.urSentence);
  sentences.push(...random.sample(guidance, random.int(1, guidance.length)));
  if (context.diagnoses.length > 0 && random.chance(0.5)) {
    sentences.push(
      `Within the medical information available for review, there is documentation of diagnoses of ${context.diagnoses.join(', ')}.`,
    );
  }
  const upheld = context.decision === 'UPHELD';
  sentences.push(...random.sample(upheld ? UPHELD_FINDINGS : OVERTURNED_FINDINGS, random.int(1, 3)));
  // Real rationales run from a few lines to a page or more (calibration/): general prose brings this one to
  // a drawn length before its conclusion.
  const body = lengthened(
    sentences,
    RATIONALE_PROSE,
    drawLength(RATIONALE_LENGTH, random) - CONCLUSION_LENGTH,
    (n) => random.int(0, n - 1),
  );
  sentences.length = 0;
  sentences.push(...body);
  if (context.decision === 'UPHELD') {
    sentences.push(
      random.pick([
        `Therefore, based on guidelines and a review of the evidence, the request for ${quotedTitle} is not medically necessary.`,
        'As such, the request is not medically necessary.',
        `The request for ${quotedTitle} is not medically necessary and is non-certified.`,
      ]),
    );
  } else if (context.decision === 'OVERTURNED') {
    sentences.push(
      random.pick([
        `Therefore, the request for ${quotedTitle} is medically necessary.`,
        'Given the documentation provided, recommendation is for approval.',
      ]),
    );
  } else {
    sentences.push(
      `Therefore, the request for ${quotedTitle} is partially certified; the remainder is not medically necessary.`,
    );
  }
  return sentences.join(' ');
}

/** A reference of the drawn source for this item: its own MTUS/ODG topic where the catalogue has one. */
function refOf(
  source: DrawnSource,
  refs: readonly GuidelineRef[],
  odgTopic: string,
  region: BodyRegion | null,
  random: SeededRandom,
): GuidelineRef {
  switch (source) {
    case 'NONE':
      return NO_EVIDENCE;
    case 'MTUS': {
      const mtus = refs.filter((ref) => ref.kind === 'MTUS' || ref.kind === 'MTUS_ACOEM');
      return mtus.length > 0 ? random.pick(mtus) : MTUS_ACOEM;
    }
    case 'ODG': {
      const odgRefs = refs.filter((ref) => ref.kind === 'ODG');
      return odgRefs.length > 0 ? random.pick(odgRefs) : odg(odgChapterFor(region), odgTopic);
    }
    case 'OTHER':
      return random.pick(OTHER_EVIDENCE);
  }
}

function drawTitle(
  category: Category,
  random: SeededRandom,
): { title: ItemTitle; refs: readonly GuidelineRef[]; guidance: readonly string[]; odgTopic: string } {
  if (category === 'PHARMACEUTICAL') {
    const drugClass = random.weighted(DRUG_CLASS_WEIGHTS);
    const title =
      drugClass === 'COMPOUND'
        ? compoundTitle(random)
        : drugTitle(random.weighted(drugsOfClass(drugClass)), random);
    const odgTopic =
      drugClass === 'OPIOID'
        ? 'Opioids'
        : drugClass === 'TOPICAL' || drugClass === 'COMPOUND'
          ? 'Topical analgesics'
          : 'Medications for chronic pain';
    return { title, refs: DRUG_CLASS_REFS[drugClass], guidance: DRUG_GUIDANCE[drugClass]!, odgTopic };
  }
  const entry = random.weighted(treatmentsOfCategory(category));
  const title = treatmentTitle(entry, random);
  return {
    title,
    refs: entry.refs(title.bodyRegions[0] ?? null),
    guidance: entry.guidance,
    odgTopic: entry.odgTopic,
  };
}

export function drawItem(random: SeededRandom, context: ItemContext): ItemModel {
  const category = random.weighted(CATEGORY_WEIGHTS);
  const drawn = drawTitle(category, random);
  const quotedTitle = quoted(drawn.title.title, category);
  const title = context.capitals ? inCapitals(drawn.title) : drawn.title;
  const region = drawn.title.bodyRegions[0] ?? null;
  const refsOf = (sources: readonly DrawnSource[]) =>
    sources.map((source) => refOf(source, drawn.refs, drawn.odgTopic, region, random));

  // Claims administrators mostly name the topic without pages (seeds 002, 004), sometimes pages alone (003).
  const claimsAdministrator = refsOf(random.weighted(CLAIMS_ADMINISTRATOR_SOURCES)).map((ref) => {
    const shape = random.weighted([
      [{ showPages: false, showTopic: true }, 7],
      [{ showPages: true, showTopic: false }, 2],
      [{ showPages: true, showTopic: true }, 1],
    ] as const);
    return citationModel('CLAIMS_ADMINISTRATOR', ref, random, {
      showPages: shape.showPages && context.pagesCited,
      showTopic: shape.showTopic || !context.pagesCited,
      capitals: random.chance(0.4),
    });
  });
  const reviewer = refsOf(random.weighted(REVIEWER_SOURCES)).map((ref) =>
    citationModel('IMR_REVIEWER', ref, random, {
      showPages: context.pagesCited,
      showTopic: random.chance(0.92) || !context.pagesCited,
      capitals: random.chance(0.1),
    }),
  );

  const truth: DisputedItem = {
    title: title.title,
    decision: context.decision,
    partiallyCertified: false,
    category,
    treatment: title.treatment,
    drug: title.drug,
    quantity: title.quantity,
    frequency: title.frequency,
    duration: title.duration,
    bodyRegions: title.bodyRegions,
    citations: [...claimsAdministrator, ...reviewer].map(citationTruth),
    rationale: rationaleOf(drawn.guidance, quotedTitle, context, random),
  };
  return { truth, quotedTitle, claimsAdministrator, reviewer };
}
