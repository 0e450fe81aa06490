export type { ParseOptions } from './parse-context';
export { parseLetter } from './parse-letter';
export { PARSER_VERSION } from './parser-version';
export { extractPdfText, parseLetterPdf } from './pdf/parse-letter-pdf';
export { DEFAULT_PDF_TEXT_LIMITS, PdfLimitError, type PdfTextLimits } from './pdf/pdfium-text';
export {
  classifyTreatment,
  findBodyRegions,
  matchSpecialties,
  matchStates,
  matchSubspecialties,
  readDuration,
  readFrequency,
  readQuantity,
  stateCode,
  TAXONOMY_VERSION,
  type TreatmentClassification,
} from './taxonomy/index';
export * from './types';
