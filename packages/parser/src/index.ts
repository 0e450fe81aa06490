export type { ParseOptions } from './parse-context';
export { parseLetter } from './parse-letter';
export { PARSER_VERSION } from './parser-version';
export { extractPdfText, parseLetterPdf } from './pdf/parse-letter-pdf';
export * from './types';
