import { countItems, listItems } from '@imr/analytics/item-list';
import { boundedKeyReader } from '@imr/store/bounded-key-reads';
import type { ItemRow } from '@imr/store/database';
import {
  bodyRegionsByItemIds,
  CASE_ITEMS_ORDER,
  type ItemOrder,
  itemOrder,
  itemPagesByCaseIds,
  itemSortKey,
  itemsByIds,
} from '@imr/store/repositories/item.repository';
import type { Context } from '../../context';
import { builder } from '../builder';
import { childPageLoader } from '../child-page-loader';
import { loadLongText } from '../long-text-loader';
import { PROPERTY_READ } from '../property-read.plugin';
import { CaseRef } from './case.type';
import { DrugRef } from './drug.type';
import { DurationRef } from './duration.type';
import { AgeBandEnum, BodyRegionEnum, CategoryEnum, DecisionEnum, PriorityEnum, SexEnum } from './enums.type';
import { FrequencyRef } from './frequency.type';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { ItemOrderEnum } from './item-order.enum';
import { parseNodeId } from './node-id';
import { pageArgs, toConnection, toPageRequest } from './page.args';
import { QuantityRef } from './quantity.type';
import { ReviewerRef } from './reviewer.type';

export const ItemRef = builder.loadableNodeRef('Item', {
  id: { resolve: (i: ItemRow) => i.id, parse: parseNodeId('Item') },
  load: (ids: number[], ctx) => itemsByIds(boundedKeyReader(ctx, ids.length), ids),
  sort: (i) => i.id,
});

ItemRef.implement({
  description:
    'One disputed treatment request within a letter, as the reviewer decided it, with the normalised fields analysts group by.',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal', { description: 'Position in the letter, from 0.' }),
    title: t.exposeString('title', { description: 'The request as the letter words it.' }),
    decision: t.field({ type: DecisionEnum, extensions: PROPERTY_READ, resolve: (i) => i.decision as never }),
    partiallyCertified: t.boolean({
      description:
        'Utilization review certified part of the original request; this item is the remaining IMR eligible portion ("The remaining IMR eligible portion of the original request, ...").',
      resolve: (i) => i.partiallyCertified === 1,
    }),
    category: t.field({ type: CategoryEnum, extensions: PROPERTY_READ, resolve: (i) => i.category as never }),
    treatment: t.exposeString('treatment', { description: 'Normalised treatment, e.g. "massage therapy".' }),
    drug: t.field({
      type: DrugRef,
      nullable: true,
      description: 'For medication requests.',
      resolve: (i) => (i.drugName === null ? null : i),
    }),
    quantity: t.field({
      type: QuantityRef,
      nullable: true,
      resolve: (i) =>
        i.quantityCount === null ? null : { count: i.quantityCount, unit: i.quantityUnit ?? '' },
    }),
    frequency: t.field({
      type: FrequencyRef,
      nullable: true,
      resolve: (i) =>
        i.frequencyMin === null
          ? null
          : { min: i.frequencyMin, max: i.frequencyMax ?? i.frequencyMin, per: i.frequencyPer ?? 'week' },
    }),
    duration: t.field({
      type: DurationRef,
      nullable: true,
      resolve: (i) =>
        i.durationMin === null
          ? null
          : { min: i.durationMin, max: i.durationMax ?? i.durationMin, unit: i.durationUnit ?? 'week' },
    }),
    bodyRegions: t.loadableList({
      type: BodyRegionEnum,
      load: (ids: number[], ctx) =>
        bodyRegionsByItemIds(boundedKeyReader(ctx, ids.length), ids) as Promise<never[][]>,
      resolve: (i) => i.id,
    }),
    rationale: t.loadable({
      type: 'String',
      description: "The reviewer's reasons.",
      // An item's rationale is never null (NOT NULL column).
      load: loadLongText('items') as (ids: number[], ctx: Context) => Promise<string[]>,
      resolve: (i) => i.id,
    }),
    decisionDate: t.string({ nullable: true, resolve: (i) => i.dateDecision }),
    decisionYear: t.exposeInt('decisionYear', { nullable: true }),
    decisionMonth: t.exposeString('decisionMonth', { nullable: true, description: 'yyyy-mm' }),
    injuryDate: t.string({ nullable: true, resolve: (i) => i.dateInjury }),
    priority: t.field({
      type: PriorityEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (i) => i.priority as never,
    }),
    patientSex: t.field({
      type: SexEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (i) => i.patientSex as never,
    }),
    patientAgeBand: t.field({
      type: AgeBandEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (i) => i.patientAgeBand as never,
    }),
    reviewer: t.field({ type: ReviewerRef, nullable: true, resolve: (i) => i.reviewerId }),
    case: t.field({
      type: CaseRef,
      description: 'The letter this item belongs to.',
      resolve: (i) => i.caseId,
    }),
  }),
});

export const ItemConnection = builder.connectionObject(
  { type: ItemRef, name: 'ItemConnection' },
  { name: 'ItemEdge' },
);

builder.queryField('items', (t) =>
  t.field({
    type: ItemConnection,
    description: 'Disputed items matching a filter, in the requested order.',
    args: {
      ...pageArgs,
      filter: t.arg({ type: ItemFilterInput, required: false }),
      orderBy: t.arg({ type: ItemOrderEnum, required: false, defaultValue: 'INGESTED_ASC' }),
    },
    resolve: async (_root, args, ctx) => {
      const order: ItemOrder = args.orderBy ?? 'INGESTED_ASC';
      const request = toPageRequest(args, itemOrder(order).name);
      const filter = toItemFilter(args.filter);
      const page = await listItems(ctx, { ...request, filter, order });
      return toConnection(
        page,
        request,
        (i) => ({ order, key: itemSortKey(i, order), id: i.id }),
        () => countItems(ctx, filter),
      );
    },
  }),
);

const caseItemPages = childPageLoader(async (ctx, ids, args) => {
  const request = toPageRequest(args, CASE_ITEMS_ORDER.name);
  // A case's items are bounded by its letter.
  const pages = await itemPagesByCaseIds(boundedKeyReader(ctx, ids.length), ids, request);
  return pages.map((page, i) =>
    toConnection(
      page,
      request,
      (item) => ({ order: CASE_ITEMS_ORDER.name, key: item.ordinal, id: item.id, parent: ids[i]! }),
      // Cases store their item count: no COUNT(*) needed (and the case row is usually cached already).
      async () => (await CaseRef.getDataloader(ctx).load(ids[i]!)).itemCount,
    ),
  );
});

builder.objectField(CaseRef, 'items', (t) =>
  t.field({
    type: ItemConnection,
    description: "The letter's disputed items, in letter order.",
    args: pageArgs,
    resolve: (c, args, ctx) => caseItemPages(ctx, args, c.id),
  }),
);
