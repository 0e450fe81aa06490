// When utilization review certified part of a request, the 2016-17 letters name the item by what is left:
//   "The remaining IMR eligible portion of the original request, Norco 10/325mg #35 is: Upheld"
//   "... leaving the original request IMR eligible. The original request, Acupuncture (unspecified) is: Upheld"
// The treatment is the part after the comma; the lead-in says the request was partly certified.
const PORTION_LEAD_IN =
  /^(?:The\s)?(?:remaining\s?IMR\s?eligible\s?portion\s?of\s?the\s?original\s?request|original\s?request)\s?,\s?/i;
const TRAILING_IS = /(?:^|,?\s+)is$/i;

export interface RequestPortion {
  /** The item title without the lead-in: the treatment the decision is about. */
  title: string;
  /** Utilization review certified part of the original request; the item is what was left for IMR. */
  partiallyCertified: boolean;
}

/** Splits "The remaining IMR eligible portion of the original request, X is" into X and the fact of it. */
export function readRequestPortion(title: string): RequestPortion {
  const leadIn = PORTION_LEAD_IN.exec(title);
  if (leadIn === null) return { title, partiallyCertified: false };
  const rest = title.slice(leadIn[0].length).replace(TRAILING_IS, '');
  // A lead-in with nothing after it is not a portion of anything: keep the heading as written.
  if (rest.length === 0) return { title, partiallyCertified: false };
  return { title: rest, partiallyCertified: true };
}
