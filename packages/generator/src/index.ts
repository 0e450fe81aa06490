export {
  type LetterProfile,
  profileLetters,
  type ReadLetter,
} from './calibration/letter-profile';
export { compareProfiles, type ProfileRow } from './calibration/profile-comparison';
export { REAL_2016_17_PROFILE } from './calibration/real-2016-17.profile';
export { locateRealCorpus, type RealLetter, readRealLetters } from './calibration/real-corpus';
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
