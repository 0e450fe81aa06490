import type { Decision } from '../types';

const PARTIALLY = /^partial/i;
const OVERTURNED = /^overturn/i;
const UPHELD = /^uph/i;

/** The decision a matched word states ("Upheld", "Overturned", "Partially Overturned"); UNKNOWN otherwise. */
export function decisionOf(word: string): Decision {
  if (PARTIALLY.test(word)) return 'PARTIALLY_OVERTURNED';
  if (OVERTURNED.test(word)) return 'OVERTURNED';
  if (UPHELD.test(word)) return 'UPHELD';
  return 'UNKNOWN';
}
