import type { Citation, CitedBy } from '@imr/parser';
import { ACUPUNCTURE, CHRONIC_PAIN, type GuidelineRef } from './catalogue/guideline-refs';
import type { SeededRandom } from './seeded-random';

/**
 * One citation as a letter writes it: the reference plus the choices of wording that change what a reader
 * sees (topic in capitals, pages shown or not, the chapter named twice as in seed 000). The truth Citation
 * and both layouts' wording are derived from this one value, so they cannot drift apart.
 */
export interface CitationModel {
  citedBy: CitedBy;
  ref: GuidelineRef;
  /** The topic as printed (MTUS only); null when the line names none. */
  topic: string | null;
  pages: readonly [number, number] | null;
  /** "Chronic Pain Treatment Guidelines" etc.: how the 2014+ line names the Chronic Pain chapter. */
  chronicPainAlias: string;
  /** ACOEM chapters written with the long "American College ..." preamble. */
  longAcoem: boolean;
}

const CHRONIC_PAIN_ALIASES = [
  'Chronic Pain Treatment Guidelines',
  'Chronic Pain Treatment Guidelines',
  'Chronic Pain Treatment Guidelines',
  'Chronic Pain Medical Treatment Guidelines',
  // Seed 000 names the chapter twice.
  'Chronic Pain Treatment Guidelines Chronic Pain Medical Treatment Guidelines',
];

export function citationModel(
  citedBy: CitedBy,
  ref: GuidelineRef,
  random: SeededRandom,
  shape: { showPages: boolean; showTopic: boolean; capitals: boolean },
): CitationModel {
  let topic: string | null = null;
  let pages: readonly [number, number] | null = null;
  if (ref.kind === 'MTUS') {
    topic = shape.showTopic ? ref.topic : null;
    if (topic !== null && shape.capitals) topic = topic.toUpperCase();
    pages = shape.showPages ? ref.pages : null;
    // A line needs something after the chapter unless the chapter is all there is to say.
    if (topic === null && pages === null && ref.topic !== null) topic = ref.topic;
    // Seed 002: reviewers citing the Chronic Pain chapter by its section ("Section 2 Page(s): 60").
    if (citedBy === 'IMR_REVIEWER' && ref.chapter === CHRONIC_PAIN && pages !== null && random.chance(0.05)) {
      topic = 'Section 2';
    }
  }
  return {
    citedBy,
    ref,
    topic,
    pages,
    chronicPainAlias: random.pick(CHRONIC_PAIN_ALIASES),
    longAcoem: random.chance(0.3),
  };
}

function pageList([from, to]: readonly [number, number]): number[] {
  const pages: number[] = [];
  for (let page = from; page <= to; page++) pages.push(page);
  return pages;
}

export function citationTruth(model: CitationModel): Citation {
  const { citedBy, ref } = model;
  switch (ref.kind) {
    case 'NONE':
      return { citedBy, source: 'NONE' };
    case 'MTUS_ACOEM':
      return { citedBy, source: 'MTUS', guideline: 'ACOEM', topic: null, pages: [] };
    case 'MTUS':
      return {
        citedBy,
        source: 'MTUS',
        guideline: ref.chapter,
        topic: model.topic,
        pages: model.pages === null ? [] : pageList(model.pages),
      };
    case 'ODG':
      return {
        citedBy,
        source: 'ODG',
        guideline: 'Official Disability Guidelines',
        topic: `${ref.chapter}, ${ref.topic}`,
        pages: [],
      };
    case 'CCR':
      return {
        citedBy,
        source: 'CCR',
        guideline: 'Title 8, California Code of Regulations',
        topic: ref.section,
        pages: [],
      };
    case 'OTHER':
      return { citedBy, source: 'OTHER', guideline: ref.reference, topic: null, pages: [] };
  }
}

/** Who "did not cite any medical evidence": each party words it for itself. */
function noEvidence(citedBy: CitedBy): string {
  return citedBy === 'CLAIMS_ADMINISTRATOR'
    ? 'The Claims Administrator did not cite any medical evidence for its decision.'
    : 'The Expert Reviewer did not cite any medical evidence for its decision.';
}

function pagesText([from, to]: readonly [number, number]): string {
  return from === to ? `${from}` : `${from}-${to}`;
}

const ACOEM_PREAMBLE =
  'American College of Occupational and Environmental Medicine (ACOEM), 2nd Edition, (2004)';

/** 2014+ wording: "Decision based on MTUS Chronic Pain Treatment Guidelines Massage Therapy Page(s): 60." */
export function citationText2014(model: CitationModel): string {
  const { ref } = model;
  switch (ref.kind) {
    case 'NONE':
      return noEvidence(model.citedBy);
    case 'MTUS_ACOEM':
      return 'Decision based on MTUS ACOEM.';
    case 'MTUS': {
      let chapter: string;
      if (ref.chapter === CHRONIC_PAIN) chapter = model.chronicPainAlias;
      else if (ref.chapter.endsWith('Guidelines')) chapter = ref.chapter;
      else chapter = model.longAcoem ? `${ACOEM_PREAMBLE} ${ref.chapter}` : `ACOEM ${ref.chapter}`;
      const isAcoemChapter = ref.chapter !== CHRONIC_PAIN && !ref.chapter.endsWith('Guidelines');
      const topic = model.topic === null ? '' : `${isAcoemChapter ? ',' : ''} ${model.topic}`;
      const pages = model.pages === null ? '' : ` Page(s): ${pagesText(model.pages)}`;
      return `Decision based on MTUS ${chapter}${topic}${pages}.`;
    }
    case 'ODG': {
      const label = model.citedBy === 'CLAIMS_ADMINISTRATOR' ? 'Non-MTUS' : 'Non-MTUS Citation';
      return `Decision based on ${label} Official Disability Guidelines (ODG) ${ref.chapter}, ${ref.topic}`;
    }
    case 'CCR':
      return `Decision based on Non-MTUS Citation Other Medical Treatment Guideline or Medical Evidence: Title 8, California Code of Regulations, ${ref.section}`;
    case 'OTHER':
      return `Decision based on Non-MTUS Citation Other Medical Treatment Guideline or Medical Evidence: ${ref.reference}.`;
  }
}

/** 2013 wording: "The Expert Reviewer based his/her decision on the ..., which is part of the MTUS." */
export function citationText2013(model: CitationModel, first: boolean): string {
  const { ref } = model;
  const who =
    model.citedBy === 'CLAIMS_ADMINISTRATOR'
      ? `The Claims Administrator ${first ? '' : 'also '}based its decision on the`
      : `The Expert Reviewer ${first ? '' : 'also '}based his/her decision on the`;
  const pages =
    model.pages === null
      ? ''
      : model.pages[0] === model.pages[1]
        ? `, page ${model.pages[0]}`
        : `, pages ${pagesText(model.pages)}`;
  switch (ref.kind) {
    case 'NONE':
      return model.citedBy === 'CLAIMS_ADMINISTRATOR'
        ? 'The Claims Administrator did not cite any evidence-based guidelines for its decision.'
        : 'The Expert Reviewer did not cite any evidence-based guidelines for the decision.';
    case 'MTUS_ACOEM':
      return `${who} ACOEM Practice Guidelines, which is part of the MTUS.`;
    case 'MTUS': {
      const topic = model.topic === null ? '' : `, ${model.topic}`;
      const chapter =
        ref.chapter === CHRONIC_PAIN
          ? `${CHRONIC_PAIN} (2009)`
          : ref.chapter.endsWith('Guidelines')
            ? ref.chapter
            : `${ACOEM_PREAMBLE}, ${ref.chapter}`;
      return `${who} ${chapter}${topic}${pages}, which is part of the MTUS.`;
    }
    case 'ODG':
      return `${who} Official Disability Guidelines (ODG), ${ref.chapter}, ${ref.topic}, which is not part of the MTUS.`;
    case 'CCR':
      return `${who} California Code of Regulations, Title 8, ${ref.section}, which is part of the MTUS.`;
    case 'OTHER':
      return `${who} ${ref.reference}, which is not part of the MTUS.`;
  }
}

/** The year of the MTUS edition 2016-17 letters name after a chapter ("Chronic Pain Medical Treatment 2016"). */
function editionOf(chapter: string): string {
  if (chapter === CHRONIC_PAIN) return 'Chronic Pain Medical Treatment 2016';
  if (chapter === ACUPUNCTURE) return 'Acupuncture Treatment 2007';
  if (chapter.endsWith('Guidelines')) return `${chapter} 2009`;
  return `${chapter} ${chapter === 'Elbow Complaints' ? 2007 : 2004}`;
}

/**
 * 2016-17 wording (the published letters of Dec 2016 - Feb 2017): MTUS chapters by edition with their
 * sections and no pages ("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids."),
 * non-MTUS sources after "Non-MTUS Citation". Page numbers are not printed, so the truth of a letter in this
 * layout is drawn without them (ItemContext.pagesCited).
 */
export function citationText2016(model: CitationModel): string {
  const { ref } = model;
  switch (ref.kind) {
    case 'MTUS': {
      const sections = model.topic === null ? '' : `, Section(s): ${model.topic}`;
      return `Decision based on MTUS ${editionOf(ref.chapter)}${sections}.`;
    }
    case 'ODG':
      return `Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ${ref.chapter}, ${ref.topic}.`;
    case 'OTHER':
      return `Decision based on Non-MTUS Citation ${ref.reference}.`;
    default:
      return citationText2014(model);
  }
}

/**
 * A party's guideline line in 2016-17 wording: when nothing it cites is in the MTUS, the letters first
 * announce "... based their decision on recommendation(s) outside of the MTUS Guidelines."
 */
export function guidelineLine2016(citations: readonly CitationModel[]): string {
  const texts = citations.map(citationText2016);
  const first = citations[0];
  const outside =
    first !== undefined &&
    citations.every((c) => c.ref.kind === 'ODG' || c.ref.kind === 'OTHER' || c.ref.kind === 'CCR');
  if (!outside) return texts.join(' ');
  const party = first.citedBy === 'CLAIMS_ADMINISTRATOR' ? 'The Claims Administrator' : 'The Expert Reviewer';
  return `${party} based their decision on recommendation(s) outside of the MTUS Guidelines. ${texts.join(' ')}`;
}
