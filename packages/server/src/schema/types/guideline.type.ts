import { boundedKeyReader } from '@imr/store/bounded-key-reads';
import type { GuidelineRow } from '@imr/store/database';
import {
  countGuidelines,
  decisionCountsByGuidelineIds,
  GUIDELINE_ORDER,
  guidelinesByIds,
  listGuidelines,
} from '@imr/store/repositories/guideline.repository';
import type { Context } from '../../context';
import { requestScoped } from '../../request-scoped';
import { builder } from '../builder';
import { cachedGuidelinesByIds, currentGuidelineRows } from '../guideline-row-cache';
import { PROPERTY_READ } from '../property-read.plugin';
import { toDecisionStats } from './decision-summary.type';
import { GuidelineSourceEnum } from './enums.type';
import { GuidelineFilterInput, toGuidelineFilter } from './guideline-filter.input';
import { GuidelineUsageRef } from './guideline-usage.type';
import { parseNodeId } from './node-id';
import { pageArgs, toConnection, toPageRequest } from './page.args';

/**
 * A guideline as the API shows it: no name or no topic ('' in the store) is null, so that every field is a
 * property read (a citation page ends on a guideline per citation).
 */
export interface GuidelineNode {
  id: number;
  source: GuidelineRow['source'];
  name: string | null;
  topic: string | null;
}

function toGuidelineNode(row: GuidelineRow): GuidelineNode {
  return { id: row.id, source: row.source, name: row.name || null, topic: row.topic || null };
}

export const GuidelineRef = builder.loadableNodeRef('Guideline', {
  id: { resolve: (g: GuidelineNode) => g.id, parse: parseNodeId('Guideline') },
  load: (ids: number[], ctx) =>
    cachedGuidelinesByIds(ctx, ids, async (missing) =>
      (await guidelinesByIds(boundedKeyReader(ctx, missing.length), missing)).map(toGuidelineNode),
    ),
  sort: (g) => g.id,
});

/** The guideline rows kept across requests, checked against the store's version once a request. */
const keptGuidelines = requestScoped((ctx) => currentGuidelineRows<GuidelineNode>(ctx));

/** The guideline itself when it is kept across requests, else its id for the loader to read. */
export function guidelineOrId(ctx: Context, id: number): GuidelineNode | number {
  return keptGuidelines(ctx)?.get(id) ?? id;
}

GuidelineRef.implement({
  description: 'A guideline (source, document, topic) that letters cite.',
  fields: (t) => ({
    source: t.field({
      type: GuidelineSourceEnum,
      extensions: PROPERTY_READ,
      resolve: (g) => g.source as never,
    }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'e.g. "Chronic Pain Medical Treatment Guidelines"; null when the letter names none.',
    }),
    topic: t.exposeString('topic', { nullable: true, description: 'e.g. "Massage Therapy".' }),
    stats: t.loadable({
      type: GuidelineUsageRef,
      description: 'How often it was cited, and how the items citing it were decided.',
      load: async (ids: number[], ctx) => (await decisionCountsByGuidelineIds(ctx, ids)).map(toDecisionStats),
      resolve: (g) => g.id,
    }),
  }),
});

export const GuidelineConnection = builder.connectionObject(
  { type: GuidelineRef, name: 'GuidelineConnection' },
  { name: 'GuidelineEdge' },
);

builder.queryField('guidelines', (t) =>
  t.field({
    type: GuidelineConnection,
    description: 'Guidelines cited in the letters, in the order first seen.',
    args: { ...pageArgs, filter: t.arg({ type: GuidelineFilterInput, required: false }) },
    resolve: async (_root, args, ctx) => {
      const request = toPageRequest(args, GUIDELINE_ORDER.name);
      const filter = toGuidelineFilter(args.filter);
      const page = await listGuidelines(ctx, { ...request, filter });
      return toConnection(
        { ...page, rows: page.rows.map(toGuidelineNode) },
        request,
        (g) => ({ order: GUIDELINE_ORDER.name, key: null, id: g.id }),
        () => countGuidelines(ctx, filter),
      );
    },
  }),
);
