import type { LetterDates, ParsedLetter } from '@imr/parser';
import { isoDate } from './calendar';
import { drawLetter, type LayoutChoice, type LetterModel } from './draw-letter';
import { renderHeaderBlock } from './layouts/header-block.layout';
import { renderNotice2013 } from './layouts/notice-2013.layout';
import { renderPdf2016 } from './layouts/pdf-2016.layout';
import { renderPdfText } from './layouts/pdf-text.layout';
import { letterStreamSeed, SeededRandom } from './seeded-random';

/** The ground truth of one generated letter: the parse contract's fields, as the letter states them. */
export type LetterTruth = Omit<ParsedLetter, 'parserVersion'>;

export interface GeneratedLetter {
  id: string;
  text: string;
  truth: LetterTruth;
}

export interface GenerateOptions {
  layout?: LayoutChoice;
}

export function letterId(seed: number, index: number): string {
  return `gen-${seed}-${String(index).padStart(8, '0')}`;
}

/** Only the dates the layout prints; the rest are null, as a reader of the letter would find them. */
function statedDates(model: LetterModel): LetterDates {
  const { dates } = model;
  const urDenial = model.urDateStated ? isoDate(dates.urDenial) : null;
  switch (model.layout) {
    case 'header-block':
    case 'pdf-2016':
      return {
        assigned: isoDate(dates.assigned),
        injury: isoDate(dates.injury),
        decision: isoDate(dates.decision),
        urDenial: isoDate(dates.urDenial),
        applicationReceived: isoDate(dates.applicationReceived),
      };
    case 'notice-2013':
      return {
        assigned: null,
        injury: isoDate(dates.injury),
        decision: isoDate(dates.decision),
        urDenial: isoDate(dates.urDenial),
        applicationReceived: isoDate(dates.applicationReceived),
      };
    case 'pdf-text':
    case 'credentials':
      return {
        assigned: null,
        injury: isoDate(dates.injury),
        decision: null,
        urDenial,
        applicationReceived: null,
      };
  }
}

function truthOf(model: LetterModel): LetterTruth {
  const { reviewer } = model;
  const hasHeader =
    model.layout === 'header-block' || model.layout === 'notice-2013' || model.layout === 'pdf-2016';
  const hasPriority = model.layout === 'header-block' || model.layout === 'pdf-2016';
  // The credentials block (credentials, pdf-2016) has no subspecialty line.
  const statesSubspecialty = model.layout !== 'credentials' && model.layout !== 'pdf-2016';
  return {
    caseNumber: hasHeader ? model.caseNumber : null,
    format: model.layout,
    dates: statedDates(model),
    priority: hasPriority ? model.priority : null,
    reviewer: {
      specialties: reviewer.specialties.map((s) => s.name),
      subspecialties: statesSubspecialty && reviewer.subspecialty !== null ? [reviewer.subspecialty] : [],
      licensedIn: reviewer.states.map((s) => s.code),
    },
    patient: model.patient,
    diagnoses: model.diagnoses,
    summary: model.summary,
    items: model.items.map((item) => item.truth),
    warnings: [],
  };
}

/**
 * Letter `index` of the corpus with this seed: pure, no I/O. It depends on (seed, index, layout) only, so a
 * corpus can be generated in shards, in parallel, in any order, and come out byte-identical.
 */
export function generateLetter(seed: number, index: number, options: GenerateOptions = {}): GeneratedLetter {
  const random = new SeededRandom(letterStreamSeed(seed, index));
  const model = drawLetter(random, options.layout ?? 'mix');
  let text: string;
  switch (model.layout) {
    case 'pdf-text':
    case 'credentials':
      text = renderPdfText(model, random);
      break;
    case 'header-block':
      text = renderHeaderBlock(model, random);
      break;
    case 'notice-2013':
      text = renderNotice2013(model, random);
      break;
    case 'pdf-2016':
      text = renderPdf2016(model, random);
      break;
  }
  return { id: letterId(seed, index), text, truth: truthOf(model) };
}
