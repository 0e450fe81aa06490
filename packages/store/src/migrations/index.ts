import type { Migration } from 'kysely';
import * as initial from './2026-11-22T07-45-00-initial';
import * as searchIndexWrittenPerBatch from './2026-12-01T08-30-00-search-index-written-per-batch';
import * as caseStatsCoveringIndex from './2026-12-01T09-00-00-case-stats-covering-index';
import * as deferredSchema from './2026-12-01T22-00-00-deferred-schema';
import * as citationsItemCovering from './2026-12-01T23-00-00-citations-item-covering';
import * as itemPartiallyCertified from './2026-12-02T22-00-00-item-partially-certified';
import * as searchVectorsInline from './2026-12-03T04-00-00-search-vectors-inline';
import * as storeChangeNotify from './2026-12-03T15-00-00-store-change-notify';
import * as letterKeysAsNamedIndexes from './2026-12-04T18-00-00-letter-keys-as-named-indexes';
import * as ingestRunsSuperseded from './2026-12-04T18-10-00-ingest-runs-superseded';
import * as searchEpochs from './2026-12-04T21-00-00-search-epochs';

// Listed explicitly (not read from the folder) so migrations work the same under tsx, vitest and a bundle.
export const migrations: Record<string, Migration> = {
  '2026-11-22T07-45-00-initial': initial,
  '2026-12-01T08-30-00-search-index-written-per-batch': searchIndexWrittenPerBatch,
  '2026-12-01T09-00-00-case-stats-covering-index': caseStatsCoveringIndex,
  '2026-12-01T22-00-00-deferred-schema': deferredSchema,
  '2026-12-01T23-00-00-citations-item-covering': citationsItemCovering,
  '2026-12-02T22-00-00-item-partially-certified': itemPartiallyCertified,
  '2026-12-03T04-00-00-search-vectors-inline': searchVectorsInline,
  '2026-12-03T15-00-00-store-change-notify': storeChangeNotify,
  '2026-12-04T18-00-00-letter-keys-as-named-indexes': letterKeysAsNamedIndexes,
  '2026-12-04T18-10-00-ingest-runs-superseded': ingestRunsSuperseded,
  '2026-12-04T21-00-00-search-epochs': searchEpochs,
};
