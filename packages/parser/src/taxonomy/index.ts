// The parser's dictionaries: what a disputed item is (category, treatment, drug), where (body regions), how
// much and how often, and who reviewed it (specialties, states). Data lives in *.data.ts; lookups beside it.

/** Bumped whenever a dictionary or matching rule changes what a heading classifies as. */
export const TAXONOMY_VERSION = '2026.12.02-1';

export { findBodyRegions } from './body-region-lookup';
export { readDuration, readFrequency, readQuantity } from './item-measures';
export { matchCredentials, matchSpecialties, matchSubspecialties } from './specialty-lookup';
export { matchStates, stateCode } from './state-lookup';
export { classifyTreatment, type TreatmentClassification } from './treatment-lookup';
