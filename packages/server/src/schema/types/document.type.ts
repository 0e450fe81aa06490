import type { DocumentMeta } from '@imr/store/repositories/document-meta.repository';
import { builder } from '../builder';

export const DocumentRef = builder.objectRef<DocumentMeta>('Document').implement({
  description: 'The source letter a case was read from.',
  fields: (t) => ({
    sha256: t.exposeString('sha256', { description: 'sha256 of the normalised letter text.' }),
    sourcePath: t.exposeString('sourcePath'),
    sizeBytes: t.exposeInt('sizeBytes'),
    ingestedAt: t.exposeString('ingestedAt', { description: 'ISO timestamp.' }),
    parserVersion: t.exposeString('parserVersion'),
  }),
});
