import { type DecisionTally, emptyTally } from '@imr/store/decision-tally';
import type { Reader } from '@imr/store/repositories/keyset';
import { decisionCountsByReviewerIds } from '@imr/store/repositories/reviewer.repository';
import { columnPostings } from './cube-postings';
import type { ItemCube } from './item-cube';
import { builtItemCube } from './item-cube-snapshot';

// How each reviewer's items were decided (Reviewer.stats). The SQL groups a reviewer's items through an index,
// but a reviewer may have signed thousands, so it is not a bounded read and goes to a read worker: one round
// trip on every page that shows a reviewer. The cube's posting list of the reviewer column holds each
// reviewer's items already, so a fresh cube answers at once.

/** A reviewer's tally from the cube, as the SQL counts it: any decision but the three known ones is unknown. */
function cubeTally(cube: ItemCube, reviewerId: number): DecisionTally {
  const code = cube.reviewerIds.find(reviewerId);
  const tally = emptyTally();
  if (code <= 0) return tally;
  const { offsets, positions } = columnPostings(cube.reviewer, cube.reviewerIds.size);
  const slots = [0, 0, 0, 0, 0];
  for (let p = offsets[code]!; p < offsets[code + 1]!; p++) slots[cube.slot[positions[p]!]!]!++;
  tally.upheld = slots[0]!;
  tally.overturned = slots[1]!;
  tally.partiallyOverturned = slots[2]!;
  tally.unknown = slots[3]! + slots[4]!;
  tally.count = tally.upheld + tally.overturned + tally.partiallyOverturned + tally.unknown;
  return tally;
}

/**
 * Per reviewer id (in the order given), the decisions of their items: the cube's when one is built and fresh,
 * else SQL's (a store too small for a cube asks nothing more than the SQL).
 */
export async function reviewerDecisionCounts(
  reader: Reader,
  reviewerIds: readonly number[],
): Promise<DecisionTally[]> {
  const cube = await builtItemCube(reader.db, reader.dialect);
  if (!cube) return decisionCountsByReviewerIds(reader, reviewerIds);
  return reviewerIds.map((id) => cubeTally(cube, id));
}
