import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, ReviewerRow } from '../database';
import { addDecision, type DecisionTally, emptyTally } from '../decision-tally';
import { filteredListing } from './filtered-listing';
import { reviewersInStates, reviewersWithSpecialties, some } from './item-filter';
import type { KeysetOrder, Reader } from './keyset';
import { rowsByIds } from './rows-by-key';

// Reviewers are anonymous in the letters: a reviewer is a credential profile (specialties, subspecialties,
// licence states), shared by every letter signed with the same profile.

export interface ReviewerFilter {
  /** Any of these board specialties (or subspecialties). */
  specialties?: readonly string[] | null;
  /** Licensed in any of these states (USPS codes). */
  states?: readonly string[] | null;
}

export const REVIEWER_ORDER: KeysetOrder = {
  name: 'REVIEWERS',
  column: null,
  id: 'reviewers.id',
  direction: 'asc',
};

function reviewerFilterCondition(
  eb: ExpressionBuilder<Database, 'reviewers'>,
  filter: ReviewerFilter | null | undefined,
): Expression<SqlBool> {
  const f = filter ?? {};
  const conditions: Expression<SqlBool>[] = [];
  if (some(f.specialties)) conditions.push(eb('reviewers.id', 'in', reviewersWithSpecialties(f.specialties)));
  if (some(f.states)) conditions.push(eb('reviewers.id', 'in', reviewersInStates(f.states)));
  return eb.and(conditions);
}

export const { list: listReviewers, count: countReviewers } = filteredListing(
  'reviewers',
  ({ db }: Reader, filter: ReviewerFilter | null | undefined) =>
    db
      .selectFrom('reviewers')
      .selectAll('reviewers')
      .where((eb) => reviewerFilterCondition(eb, filter)),
  () => REVIEWER_ORDER,
);

export function reviewersByIds(reader: Reader, ids: readonly number[]): Promise<ReviewerRow[]> {
  return rowsByIds(reader, 'reviewers', ids);
}

/** Decision counts over each reviewer's items, in one grouped scan of the (reviewer_id, decision) index. */
export async function decisionCountsByReviewerIds(
  { db }: Reader,
  reviewerIds: readonly number[],
): Promise<DecisionTally[]> {
  if (reviewerIds.length === 0) return [];
  const rows = await db
    .selectFrom('items')
    .select((eb) => ['reviewerId', 'decision', eb.fn.countAll<number>().as('n')])
    .where('reviewerId', 'in', reviewerIds)
    .groupBy(['reviewerId', 'decision'])
    .execute();
  const byReviewer = new Map<number, DecisionTally>();
  for (const r of rows) {
    const id = r.reviewerId ?? 0;
    const counts = byReviewer.get(id) ?? emptyTally();
    addDecision(counts, r.decision, Number(r.n));
    byReviewer.set(id, counts);
  }
  return reviewerIds.map((id) => byReviewer.get(id) ?? emptyTally());
}
