import { boundedKeyReader } from '@imr/store/bounded-key-reads';
import type { CitationRow } from '@imr/store/database';
import {
  citationCountsByGuidelineIds,
  citationCountsByItemIds,
  citationPagesByGuidelineIds,
  citationPagesByItemIds,
  citationsByIds,
  GUIDELINE_CITATIONS_ORDER,
  guidelineCitationKey,
  ITEM_CITATIONS_ORDER,
} from '@imr/store/repositories/citation.repository';
import { requestLoader } from '../../loaders/request-loader';
import { builder } from '../builder';
import { childPageLoader } from '../child-page-loader';
import { loadLongText } from '../long-text-loader';
import { PROPERTY_READ } from '../property-read.plugin';
import { CitedByEnum, GuidelineSourceEnum } from './enums.type';
import { GuidelineRef, guidelineOrId } from './guideline.type';
import { ItemRef } from './item.type';
import { parseNodeId } from './node-id';
import { pageArgs, toConnection, toPageRequest } from './page.args';

/** A citation as the API shows it: its pages parsed from the stored JSON, so `pages` is a property read. */
export type CitationNode = Omit<CitationRow, 'pages'> & { pages: number[] };

function toCitationNode(row: CitationRow): CitationNode {
  return { ...row, pages: JSON.parse(row.pages) as number[] };
}

export const CitationRef = builder.loadableNodeRef('Citation', {
  id: { resolve: (c: CitationNode) => c.id, parse: parseNodeId('Citation') },
  load: async (ids: number[], ctx) =>
    (await citationsByIds(boundedKeyReader(ctx, ids.length), ids)).map(toCitationNode),
  sort: (c) => c.id,
});

CitationRef.implement({
  description:
    'A guideline cited for an item, by the claims administrator (the UR denial) or by the IMR reviewer.',
  fields: (t) => ({
    citedBy: t.field({ type: CitedByEnum, extensions: PROPERTY_READ, resolve: (c) => c.citedBy as never }),
    pages: t.exposeIntList('pages', { description: 'Every page cited (ranges expanded).' }),
    text: t.loadable({
      type: 'String',
      nullable: true,
      description: 'The citation as written.',
      load: loadLongText('citations'),
      resolve: (c) => c.id,
    }),
    source: t.field({
      type: GuidelineSourceEnum,
      description: "The guideline's source (MTUS, ODG...); NONE when the party cited nothing.",
      // The guideline kept across requests, else through its loader: one batched lookup however many ask.
      resolve: (c, _args, ctx) => {
        const guideline = guidelineOrId(ctx, c.guidelineId);
        if (typeof guideline !== 'number') return guideline.source as never;
        return GuidelineRef.getDataloader(ctx)
          .load(guideline)
          .then((loaded) => loaded.source as never);
      },
    }),
    guideline: t.field({ type: GuidelineRef, resolve: (c, _args, ctx) => guidelineOrId(ctx, c.guidelineId) }),
    item: t.field({ type: ItemRef, resolve: (c) => c.itemId }),
  }),
});

export const CitationConnection = builder.connectionObject(
  { type: CitationRef, name: 'CitationConnection' },
  { name: 'CitationEdge' },
);

// An item's citations are bounded by its letter; a guideline's are not, and go to the read pool.
const itemCitationCounts = requestLoader((ctx, ids: readonly number[]) =>
  citationCountsByItemIds(boundedKeyReader(ctx, ids.length), ids),
);
const guidelineCitationCounts = requestLoader((ctx, ids: readonly number[]) =>
  citationCountsByGuidelineIds(ctx, ids),
);

const itemCitationPages = childPageLoader(async (ctx, ids, args) => {
  const request = toPageRequest(args, ITEM_CITATIONS_ORDER.name);
  const pages = await citationPagesByItemIds(boundedKeyReader(ctx, ids.length), ids, request);
  return pages.map((page, i) =>
    toConnection(
      { ...page, rows: page.rows.map(toCitationNode) },
      request,
      (c) => ({ order: ITEM_CITATIONS_ORDER.name, key: c.ordinal, id: c.id, parent: ids[i]! }),
      () => itemCitationCounts(ctx).load(ids[i]!),
    ),
  );
});

builder.objectField(ItemRef, 'citations', (t) =>
  t.field({
    type: CitationConnection,
    description: 'Guidelines cited for this item, in letter order.',
    args: pageArgs,
    resolve: (item, args, ctx) => itemCitationPages(ctx, args, item.id),
  }),
);

const guidelineCitationPages = childPageLoader(async (ctx, ids, args) => {
  const request = toPageRequest(args, GUIDELINE_CITATIONS_ORDER.name);
  const pages = await citationPagesByGuidelineIds(ctx, ids, request);
  return pages.map((page, i) =>
    toConnection(
      { ...page, rows: page.rows.map(toCitationNode) },
      request,
      (c) => ({
        order: GUIDELINE_CITATIONS_ORDER.name,
        key: guidelineCitationKey(c),
        id: c.id,
        parent: ids[i]!,
      }),
      () => guidelineCitationCounts(ctx).load(ids[i]!),
    ),
  );
});

builder.objectField(GuidelineRef, 'citations', (t) =>
  t.field({
    type: CitationConnection,
    description: 'Where this guideline is cited: claims administrators first, then reviewers, by item.',
    args: pageArgs,
    resolve: (g, args, ctx) => guidelineCitationPages(ctx, args, g.id),
  }),
);
