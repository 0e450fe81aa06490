import { reviewerDecisionCounts } from '@imr/analytics/reviewer-decisions';
import { boundedKeyReader } from '@imr/store/bounded-key-reads';
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

/** A reviewer as the API shows it: the stored JSON lists parsed once, so each list field is a property read. */
export type ReviewerNode = Omit<ReviewerRow, 'specialties' | 'subspecialties' | 'licensedIn'> & {
  specialties: string[];
  subspecialties: string[];
  licensedIn: string[];
};

function toReviewerNode(row: ReviewerRow): ReviewerNode {
  return {
    ...row,
    specialties: jsonList(row.specialties),
    subspecialties: jsonList(row.subspecialties),
    licensedIn: jsonList(row.licensedIn),
  };
}

export const ReviewerRef = builder.loadableNodeRef('Reviewer', {
  id: { resolve: (r: ReviewerNode) => r.id, parse: parseNodeId('Reviewer') },
  load: async (ids: number[], ctx) =>
    (await reviewersByIds(boundedKeyReader(ctx, ids.length), ids)).map(toReviewerNode),
  sort: (r) => r.id,
});

ReviewerRef.implement({
  description:
    'An IMR physician reviewer. Letters do not name reviewers: a reviewer is a credential profile (specialties, subspecialties, licence states) shared by every letter signed with it.',
  fields: (t) => ({
    specialties: t.exposeStringList('specialties'),
    subspecialties: t.exposeStringList('subspecialties'),
    licensedIn: t.exposeStringList('licensedIn', { description: 'USPS state codes.' }),
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
        { ...page, rows: page.rows.map(toReviewerNode) },
        request,
        (r) => ({ order: REVIEWER_ORDER.name, key: null, id: r.id }),
        () => countReviewers(ctx, filter),
      );
    },
  }),
);
