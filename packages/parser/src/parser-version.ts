import { TAXONOMY_VERSION } from './taxonomy/index';

/**
 * Changes whenever parsing or classification may give a different record; the store re-derives its rows
 * when the version it parsed with differs.
 */
export const PARSER_VERSION = `1.0.0+${TAXONOMY_VERSION}`;
