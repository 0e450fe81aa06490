/** How many items a group holds, by decision: what every aggregate's SQL counts. */
export interface DecisionTally {
  count: number;
  upheld: number;
  overturned: number;
  partiallyOverturned: number;
  /** Items whose letter states no readable decision. */
  unknown: number;
}

export const EMPTY_TALLY: DecisionTally = Object.freeze({
  count: 0,
  upheld: 0,
  overturned: 0,
  partiallyOverturned: 0,
  unknown: 0,
});

export function emptyTally(): DecisionTally {
  return { ...EMPTY_TALLY };
}

/** Adds `n` items decided `decision` to a tally. */
export function addDecision(tally: DecisionTally, decision: string, n: number): void {
  tally.count += n;
  if (decision === 'UPHELD') tally.upheld += n;
  else if (decision === 'OVERTURNED') tally.overturned += n;
  else if (decision === 'PARTIALLY_OVERTURNED') tally.partiallyOverturned += n;
  else tally.unknown += n;
}
