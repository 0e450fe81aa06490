import { reviewerDecisionCounts } from '@imr/analytics/reviewer-decisions';
import { readByBoundedKeys } from '@imr/store/bounded-key-reads';
import type { ReviewerRow } from '@imr/store/database';
import {
  countReviewers,
  listReviewers,
  REVIEWER_ORDER,
  reviewersByIds,
} from '@imr/store/repositories/reviewer.repository';
import { builder } from '../builder';
import { DecisionSummaryRef, toDecisionStats } from './decision-summary.type';
import { parseNodeId } from './node-id';
import { pageArgs, toConnection, toPageRequest } from './page.args';
import { ReviewerFilterInput, toReviewerFilter } from './reviewer-filter.input';

const jsonList = (text: string): string[] => JSON.parse(text) as string[];

export const ReviewerRef = builder.loadableNodeRef('Reviewer', {
  id: { resolve: (r: ReviewerRow) => r.id, parse: parseNodeId('Reviewer') },
  load: (ids: number[], ctx) => readByBoundedKeys(ids.length, () => reviewersByIds(ctx, ids)),
  sort: (r) => r.id,
});

ReviewerRef.implement({
  description:
    'An IMR physician reviewer. Letters do not name reviewers: a reviewer is a credential profile (specialties, subspecialties, licence states) shared by every letter signed with it.',
  fields: (t) => ({
    specialties: t.stringList({ resolve: (r) => jsonList(r.specialties) }),
    subspecialties: t.stringList({ resolve: (r) => jsonList(r.subspecialties) }),
    licensedIn: t.stringList({ description: 'USPS state codes.', resolve: (r) => jsonList(r.licensedIn) }),
    stats: t.loadable({
      type: DecisionSummaryRef,
      description: "How this reviewer's items were decided.",
      load: async (ids: number[], ctx) => (await reviewerDecisionCounts(ctx, ids)).map(toDecisionStats),
      resolve: (r) => r.id,
    }),
  }),
});

export const ReviewerConnection = builder.connectionObject(
  { type: ReviewerRef, name: 'ReviewerConnection' },
  { name: 'ReviewerEdge' },
);

builder.queryField('reviewers', (t) =>
  t.field({
    type: ReviewerConnection,
    description: 'Reviewer credential profiles, in the order first seen.',
    args: { ...pageArgs, filter: t.arg({ type: ReviewerFilterInput, required: false }) },
    resolve: async (_root, args, ctx) => {
      const request = toPageRequest(args, REVIEWER_ORDER.name);
      const filter = toReviewerFilter(args.filter);
      const page = await listReviewers(ctx, { ...request, filter });
      return toConnection(
        page,
        request,
        (r) => ({ order: REVIEWER_ORDER.name, key: null, id: r.id }),
        () => countReviewers(ctx, filter),
      );
    },
  }),
);
