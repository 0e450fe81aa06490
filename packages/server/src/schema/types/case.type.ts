import { boundedKeyReader } from '@imr/store/bounded-key-reads';
import type { CaseRow } from '@imr/store/database';
import {
  type CaseOrder,
  caseByNumber,
  caseCountsByReviewerIds,
  caseOrder,
  casePagesByReviewerIds,
  caseSortKey,
  casesByIds,
  countCases,
  diagnosesByCaseIds,
  listCases,
  REVIEWER_CASES_ORDER,
} from '@imr/store/repositories/case.repository';
import { documentsByIds, letterTextsByDocumentIds } from '@imr/store/repositories/document-meta.repository';
import { isFilterSet } from '@imr/store/repositories/item-filter';
import type { Context } from '../../context';
import { requestLoader } from '../../loaders/request-loader';
import { builder } from '../builder';
import { childPageLoader } from '../child-page-loader';
import { loadLongText } from '../long-text-loader';
import { PROPERTY_READ } from '../property-read.plugin';
import { CaseDatesRef } from './case-dates.type';
import { CaseFilterInput, toCaseFilter } from './case-filter.input';
import { CaseOrderEnum } from './case-order.enum';
import { DocumentRef } from './document.type';
import { PriorityEnum } from './enums.type';
import { parseNodeId } from './node-id';
import { pageArgs, toConnection, toPageRequest } from './page.args';
import { PatientRef } from './patient.type';
import { ReviewerRef } from './reviewer.type';

export const CaseRef = builder.loadableNodeRef('Case', {
  id: { resolve: (c: CaseRow) => c.id, parse: parseNodeId('Case') },
  load: (ids: number[], ctx) => casesByIds(boundedKeyReader(ctx, ids.length), ids),
  sort: (c) => c.id,
  // Cases resolved from lists are cached too, so nested fields that need the row again do not reload it.
  cacheResolved: (c) => c.id,
});

CaseRef.implement({
  description:
    'One IMR decision letter: the case, its parties as far as the letter says, and its disputed items.',
  fields: (t) => ({
    caseNumber: t.exposeString('caseNumber', {
      nullable: true,
      description: 'e.g. "CM14-0166055"; null for letters that print none.',
    }),
    letterKey: t.exposeString('letterKey', {
      description: 'The case number, or `sha256:<hex>` of the letter text when it has none. Unique.',
    }),
    format: t.exposeString('format', { description: 'The letter layout the parser recognised.' }),
    dates: t.field({ type: CaseDatesRef, resolve: (c) => c }),
    daysToDecision: t.exposeInt('daysToDecision', {
      nullable: true,
      description: 'Days from the UR denial to the IMR decision, when the letter states both.',
    }),
    priority: t.field({
      type: PriorityEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (c) => c.priority as never,
    }),
    patient: t.field({ type: PatientRef, resolve: (c) => c }),
    diagnoses: t.loadableList({
      type: 'String',
      description: 'As listed in the letter, in order.',
      load: (ids: number[], ctx) => diagnosesByCaseIds(boundedKeyReader(ctx, ids.length), ids),
      resolve: (c) => c.id,
    }),
    summary: t.loadable({
      type: 'String',
      nullable: true,
      description: 'The clinical case summary.',
      load: loadLongText('cases'),
      resolve: (c) => c.id,
    }),
    warnings: t.stringList({
      description: 'What the parser could not read with confidence.',
      resolve: (c) => JSON.parse(c.warnings) as string[],
    }),
    itemCount: t.exposeInt('itemCount'),
    parserVersion: t.exposeString('parserVersion'),
    reviewer: t.field({ type: ReviewerRef, nullable: true, resolve: (c) => c.reviewerId }),
    document: t.loadable({
      type: DocumentRef,
      load: (ids: number[], ctx) => documentsByIds(boundedKeyReader(ctx, ids.length), ids),
      sort: (d) => d.id,
      resolve: (c) => c.documentId,
    }),
    letterText: t.loadable({
      type: 'String',
      nullable: true,
      description: 'The full letter text as ingested (decompressed from the store).',
      load: (ids: number[], ctx) => letterTextsByDocumentIds(ctx, ids),
      resolve: (c) => c.documentId,
    }),
  }),
});

/**
 * Listed cases go into the request's case loader, so a nested `case` of the same rows (cases → items → case) is
 * not read again: an edge's `node` is a property read (property-read.plugin.ts), which skips the dataloader
 * plugin's wrapper that did this through `cacheResolved`.
 */
function primeCaseLoader(ctx: Context, rows: readonly CaseRow[]): void {
  const loader = CaseRef.getDataloader(ctx);
  for (const row of rows) loader.prime(row.id, row);
}

export const CaseConnection = builder.connectionObject(
  { type: CaseRef, name: 'CaseConnection' },
  { name: 'CaseEdge' },
);

builder.queryFields((t) => ({
  cases: t.field({
    type: CaseConnection,
    description: 'Cases matching a filter, in the requested order.',
    args: {
      ...pageArgs,
      filter: t.arg({ type: CaseFilterInput, required: false }),
      orderBy: t.arg({ type: CaseOrderEnum, required: false, defaultValue: 'DECISION_DATE_DESC' }),
    },
    resolve: async (_root, args, ctx) => {
      const order: CaseOrder = args.orderBy ?? 'DECISION_DATE_DESC';
      const request = toPageRequest(args, caseOrder(order).name);
      const filter = toCaseFilter(args.filter);
      // Unfiltered, every ordering is a range scan of an index (CASE_ORDERS) that stops at the page's end: a
      // bounded read, answered on the main thread's connection as a lookup by key is. A filter may scan far
      // before it fills a page, so a filtered page goes to the read pool.
      const reader = isFilterSet(filter) ? ctx : boundedKeyReader(ctx, request.first + 1);
      const page = await listCases(reader, { ...request, filter, order });
      primeCaseLoader(ctx, page.rows);
      return toConnection(
        page,
        request,
        (c) => ({ order, key: caseSortKey(c, order), id: c.id }),
        () => countCases(ctx, filter),
      );
    },
  }),
  case: t.field({
    type: CaseRef,
    nullable: true,
    description: 'A case by its published case number, e.g. "CM14-0166055".',
    args: { caseNumber: t.arg.string({ required: true }) },
    // A unique index: one row at most.
    resolve: async (_root, args, ctx) =>
      (await caseByNumber(boundedKeyReader(ctx, 1), args.caseNumber)) ?? null,
  }),
}));

const reviewerCaseCounts = requestLoader((ctx, ids: readonly number[]) => caseCountsByReviewerIds(ctx, ids));

const reviewerCasePages = childPageLoader(async (ctx, ids, args) => {
  const request = toPageRequest(args, REVIEWER_CASES_ORDER.name);
  const pages = await casePagesByReviewerIds(ctx, ids, request);
  for (const page of pages) primeCaseLoader(ctx, page.rows);
  return pages.map((page, i) =>
    toConnection(
      page,
      request,
      (c) => ({ order: REVIEWER_CASES_ORDER.name, key: null, id: c.id, parent: ids[i]! }),
      () => reviewerCaseCounts(ctx).load(ids[i]!),
    ),
  );
});

builder.objectField(ReviewerRef, 'cases', (t) =>
  t.field({
    type: CaseConnection,
    description: 'The cases this reviewer decided, most recently stored first.',
    args: pageArgs,
    resolve: (r, args, ctx) => reviewerCasePages(ctx, args, r.id),
  }),
);
