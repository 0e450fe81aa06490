export { CORPUS_FORMATS, type CorpusFormat } from './corpus-shard';
export { LAYOUTS, type LayoutChoice, type LayoutName } from './draw-letter';
export {
  type GeneratedLetter,
  type GenerateOptions,
  generateLetter,
  type LetterTruth,
  letterId,
} from './generate-letter';
export { letterStreamSeed, SeededRandom } from './seeded-random';
export { AccuracyTally, type FieldScore, ITEM_FIELDS, LETTER_FIELDS } from './truth-accuracy';
export { type CorpusManifest, type CorpusReport, type WriteCorpusOptions, writeCorpus } from './write-corpus';
