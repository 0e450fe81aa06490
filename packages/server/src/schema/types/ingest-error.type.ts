import type { IngestErrorRow } from '@imr/store/database';
import {
  countIngestErrors,
  INGEST_ERRORS_ORDER,
  ingestErrorsByIds,
  listIngestErrors,
} from '@imr/store/repositories/ingest-error.repository';
import { builder } from '../builder';
import { parseNodeId } from './node-id';
import { pageArgs, toConnection, toPageRequest } from './page.args';

export const IngestErrorRef = builder.loadableNodeRef('IngestError', {
  id: { resolve: (e: IngestErrorRow) => e.id, parse: parseNodeId('IngestError') },
  load: (ids: number[], ctx) => ingestErrorsByIds(ctx, ids),
  sort: (e) => e.id,
});

IngestErrorRef.implement({
  description: 'A file the ingest rejected, and why.',
  fields: (t) => ({
    file: t.exposeString('file'),
    sha256: t.exposeString('sha256', {
      nullable: true,
      description: 'Of the file text, when it could be read.',
    }),
    reason: t.exposeString('reason'),
    createdAt: t.exposeString('createdAt', { description: 'When it was rejected (ISO timestamp).' }),
  }),
});

export const IngestErrorConnection = builder.connectionObject(
  { type: IngestErrorRef, name: 'IngestErrorConnection' },
  { name: 'IngestErrorEdge' },
);

builder.queryField('ingestErrors', (t) =>
  t.field({
    type: IngestErrorConnection,
    description: 'Files the ingest rejected, newest first.',
    args: pageArgs,
    resolve: async (_root, args, ctx) => {
      const request = toPageRequest(args, INGEST_ERRORS_ORDER.name);
      const page = await listIngestErrors(ctx, request);
      return toConnection(
        page,
        request,
        (e) => ({ order: INGEST_ERRORS_ORDER.name, key: null, id: e.id }),
        () => countIngestErrors(ctx),
      );
    },
  }),
);
