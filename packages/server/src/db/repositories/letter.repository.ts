import type { ParsedLetter } from '@imr/parser';
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Db } from '../client';
import type { Database } from '../database';
import { ageBand } from './age-band';

// The write path of the store: a batch of parsed letters lands in one transaction, with multi-row inserts,
// so ingest throughput is bounded by SQLite, not by statement count.

export interface LetterToSave {
  letter: ParsedLetter;
  document: {
    /** sha256 of the normalised letter text. */
    sha256: string;
    sourcePath: string;
    sizeBytes: number;
    /** The raw letter text, compressed (deflateRaw). */
    rawText: Buffer;
  };
}

export type SaveOutcome = 'stored' | 'already-present' | 'updated';

type Executor = Kysely<Database> | Transaction<Database>;

/** Identity of a letter: its case number when it has one, else the sha256 of its normalised text. */
export function letterKeyOf(letter: ParsedLetter, sha256: string): string {
  return letter.caseNumber ?? `sha256:${sha256}`;
}

/** Canonical key of a reviewer's credential profile. */
export function reviewerProfileKey(reviewer: ParsedLetter['reviewer']): string {
  const sorted = (xs: string[]) => [...new Set(xs)].sort().join(',');
  return `${sorted(reviewer.specialties)}|${sorted(reviewer.subspecialties)}|${sorted(reviewer.licensedIn)}`;
}

function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

// SQLite's default limit is 32766 bound parameters per statement; stay well below it.
const MAX_PARAMS = 30_000;
function chunksFor<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const perRow = Math.max(1, Object.keys(rows[0] as object).length);
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * Saves a batch of letters in the caller's transaction. A letter already stored under the same key by the
 * same parser version is left alone; one stored by another parser version is replaced (its rows re-derived).
 * Returns one outcome per input, in input order.
 */
export async function saveLetters(
  trx: Executor,
  batch: LetterToSave[],
  ingestedAt: string = new Date().toISOString(),
): Promise<SaveOutcome[]> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    // The lock below lasts until the end of the transaction, so the batch needs one.
    if (!trx.isTransaction) return trx.transaction().execute((t) => saveLetters(t, batch, ingestedAt));
    await lockLetterWrites(trx);
  }
  const keys = batch.map((b) => letterKeyOf(b.letter, b.document.sha256));
  const existing = new Map<string, { id: number; parserVersion: string; documentId: number }>();
  for (const chunk of chunksFor(keys.map((k) => ({ k })))) {
    const rows = await trx
      .selectFrom('cases')
      .select(['id', 'letterKey', 'parserVersion', 'documentId'])
      .where(
        'letterKey',
        'in',
        chunk.map((c) => c.k),
      )
      .execute();
    for (const r of rows) existing.set(r.letterKey, r);
  }
  // A newer parser may key a stored letter differently (e.g. it now reads the case number): find it by text too.
  const bySha = new Map<string, { id: number; parserVersion: string; documentId: number }>();
  for (const chunk of chunksFor(batch.map((b) => ({ s: b.document.sha256 })))) {
    const rows = await trx
      .selectFrom('cases')
      .innerJoin('documents', 'documents.id', 'cases.documentId')
      .select(['cases.id', 'cases.parserVersion', 'cases.documentId', 'documents.sha256'])
      .where(
        'documents.sha256',
        'in',
        chunk.map((c) => c.s),
      )
      .execute();
    for (const r of rows) bySha.set(r.sha256, r);
  }

  const outcomes: SaveOutcome[] = [];
  const toWrite: { save: LetterToSave; key: string }[] = [];
  const replacedCaseIds: number[] = [];
  const replacedDocumentIds: number[] = [];
  const seen = new Set<string>();
  batch.forEach((save, i) => {
    const key = keys[i]!;
    const found = existing.get(key) ?? bySha.get(save.document.sha256);
    if (seen.has(key) || (found && found.parserVersion === save.letter.parserVersion)) {
      outcomes.push('already-present');
      return;
    }
    seen.add(key);
    if (found) {
      if (replacedCaseIds.includes(found.id)) {
        outcomes.push('already-present');
        return;
      }
      replacedCaseIds.push(found.id);
      replacedDocumentIds.push(found.documentId);
      outcomes.push('updated');
    } else {
      outcomes.push('stored');
    }
    toWrite.push({ save, key });
  });
  if (toWrite.length === 0) return outcomes;

  if (replacedCaseIds.length > 0) await deleteCases(trx, replacedCaseIds, replacedDocumentIds);

  const reviewerIds = await upsertReviewers(
    trx,
    toWrite.map((w) => w.save.letter.reviewer),
  );
  const guidelineIds = await upsertGuidelines(
    trx,
    toWrite.flatMap((w) => w.save.letter.items.flatMap((item) => item.citations)),
  );

  const documentIds = new Map<string, number>();
  const documentRows = toWrite.map(({ save }) => ({
    sha256: save.document.sha256,
    sourcePath: save.document.sourcePath,
    sizeBytes: save.document.sizeBytes,
    rawText: save.document.rawText,
    ingestedAt,
    parserVersion: save.letter.parserVersion,
  }));
  for (const chunk of chunksFor(documentRows)) {
    // A document with the same text may already exist (e.g. a letter re-keyed by a newer parser): reuse it.
    const rows = await trx
      .insertInto('documents')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('sha256').doUpdateSet((eb) => ({
          parserVersion: eb.ref('excluded.parserVersion'),
          sourcePath: eb.ref('excluded.sourcePath'),
        })),
      )
      .returning(['id', 'sha256'])
      .execute();
    for (const r of rows) documentIds.set(r.sha256, r.id);
  }

  const caseRows = toWrite.map(({ save, key }) => {
    const { letter } = save;
    return {
      documentId: documentIds.get(save.document.sha256)!,
      letterKey: key,
      caseNumber: letter.caseNumber,
      format: letter.format,
      dateAssigned: letter.dates.assigned,
      dateInjury: letter.dates.injury,
      dateDecision: letter.dates.decision,
      dateUrDenial: letter.dates.urDenial,
      dateApplicationReceived: letter.dates.applicationReceived,
      daysToDecision: daysBetween(letter.dates.urDenial, letter.dates.decision),
      priority: letter.priority,
      reviewerId: reviewerIds.get(reviewerProfileKey(letter.reviewer)) ?? null,
      patientAge: letter.patient.age,
      patientAgeBand: ageBand(letter.patient.age),
      patientSex: letter.patient.sex,
      summary: letter.summary,
      warnings: JSON.stringify(letter.warnings),
      itemCount: letter.items.length,
      parserVersion: letter.parserVersion,
    };
  });
  const caseIds = new Map<string, number>();
  for (const chunk of chunksFor(caseRows)) {
    const rows = await trx.insertInto('cases').values(chunk).returning(['id', 'letterKey']).execute();
    for (const r of rows) caseIds.set(r.letterKey, r.id);
  }

  const diagnosisRows = toWrite.flatMap(({ save, key }) =>
    save.letter.diagnoses.map((text, ordinal) => ({ caseId: caseIds.get(key)!, ordinal, text })),
  );
  for (const chunk of chunksFor(diagnosisRows)) await trx.insertInto('diagnoses').values(chunk).execute();

  const itemRows = toWrite.flatMap(({ save, key }) => {
    const { letter } = save;
    const caseId = caseIds.get(key)!;
    const decisionDate = letter.dates.decision;
    return letter.items.map((item, ordinal) => ({
      caseId,
      ordinal,
      title: item.title,
      decision: item.decision,
      category: item.category,
      treatment: item.treatment,
      drugName: item.drug?.name ?? null,
      drugGeneric: item.drug?.generic ?? null,
      drugClass: item.drug?.drugClass ?? null,
      drugStrength: item.drug?.strength ?? null,
      drugDispensed: item.drug?.dispensed ?? null,
      quantityCount: item.quantity?.count ?? null,
      quantityUnit: item.quantity?.unit ?? null,
      frequencyMin: item.frequency?.min ?? null,
      frequencyMax: item.frequency?.max ?? null,
      frequencyPer: item.frequency?.per ?? null,
      durationMin: item.duration?.min ?? null,
      durationMax: item.duration?.max ?? null,
      durationUnit: item.duration?.unit ?? null,
      rationale: item.rationale,
      dateDecision: decisionDate,
      decisionYear: decisionDate ? Number(decisionDate.slice(0, 4)) : null,
      decisionMonth: decisionDate ? decisionDate.slice(0, 7) : null,
      dateInjury: letter.dates.injury,
      priority: letter.priority,
      reviewerId: reviewerIds.get(reviewerProfileKey(letter.reviewer)) ?? null,
      patientSex: letter.patient.sex,
      patientAgeBand: ageBand(letter.patient.age),
    }));
  });
  const itemIds = new Map<string, number>();
  for (const chunk of chunksFor(itemRows)) {
    const rows = await trx.insertInto('items').values(chunk).returning(['id', 'caseId', 'ordinal']).execute();
    for (const r of rows) itemIds.set(`${r.caseId}:${r.ordinal}`, r.id);
  }

  const regionRows: { itemId: number; bodyRegion: string }[] = [];
  const citationRows: {
    itemId: number;
    ordinal: number;
    guidelineId: number;
    citedBy: string;
    pages: string;
    text: string | null;
  }[] = [];
  for (const { save, key } of toWrite) {
    const caseId = caseIds.get(key)!;
    save.letter.items.forEach((item, ordinal) => {
      const itemId = itemIds.get(`${caseId}:${ordinal}`)!;
      for (const bodyRegion of new Set(item.bodyRegions)) regionRows.push({ itemId, bodyRegion });
      item.citations.forEach((c, citationOrdinal) => {
        citationRows.push({
          itemId,
          ordinal: citationOrdinal,
          guidelineId: guidelineIds.get(guidelineKey(c))!,
          citedBy: c.citedBy,
          pages: JSON.stringify(c.pages ?? []),
          text: c.text ?? null,
        });
      });
    });
  }
  for (const chunk of chunksFor(regionRows)) await trx.insertInto('itemBodyRegions').values(chunk).execute();

  const pageRows: { citationId: number; itemId: number; guidelineId: number; page: number }[] = [];
  for (const chunk of chunksFor(citationRows)) {
    const rows = await trx
      .insertInto('citations')
      .values(chunk)
      .returning(['id', 'itemId', 'guidelineId', 'pages'])
      .execute();
    for (const r of rows) {
      for (const page of new Set(JSON.parse(r.pages) as number[])) {
        pageRows.push({ citationId: r.id, itemId: r.itemId, guidelineId: r.guidelineId, page });
      }
    }
  }
  for (const chunk of chunksFor(pageRows)) await trx.insertInto('citationPages').values(chunk).execute();

  return outcomes;
}

// Any number of ingest processes may write to one PostgreSQL database. Each batch holds this transaction-scoped
// advisory lock from before it looks up which letters exist until it commits: the lookups (each statement of a
// READ COMMITTED transaction sees what committed before it) then see every letter another process stored, so
// overlapping runs never insert a case twice, and the upserts of shared reviewers and guidelines cannot
// deadlock. Writers take turns as on SQLite; parsing, the expensive part, still runs in parallel, and readers
// are never blocked.
const LETTER_WRITE_LOCK: readonly [number, number] = [0x494d52, 1]; // 'IMR', 1

async function lockLetterWrites(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LETTER_WRITE_LOCK[0]}, ${LETTER_WRITE_LOCK[1]})`.execute(trx);
}

function guidelineKey(c: { source: string; guideline?: string | null; topic?: string | null }): string {
  return `${c.source}\u0000${c.guideline ?? ''}\u0000${c.topic ?? ''}`;
}

async function upsertReviewers(
  trx: Executor,
  reviewers: ParsedLetter['reviewer'][],
): Promise<Map<string, number>> {
  const byKey = new Map<string, ParsedLetter['reviewer']>();
  for (const r of reviewers) byKey.set(reviewerProfileKey(r), r);
  const ids = new Map<string, number>();
  const keys = [...byKey.keys()];
  for (const chunk of chunksFor(keys.map((k) => ({ k })))) {
    const rows = await trx
      .selectFrom('reviewers')
      .select(['id', 'profileKey'])
      .where(
        'profileKey',
        'in',
        chunk.map((c) => c.k),
      )
      .execute();
    for (const r of rows) ids.set(r.profileKey, r.id);
  }
  const missing = keys.filter((k) => !ids.has(k));
  // New profiles, their specialties and states: three multi-row statements per batch, not three per profile.
  const reviewerRows = missing.map((key) => {
    const r = byKey.get(key)!;
    return {
      profileKey: key,
      specialties: JSON.stringify(r.specialties),
      subspecialties: JSON.stringify(r.subspecialties),
      licensedIn: JSON.stringify(r.licensedIn),
    };
  });
  for (const chunk of chunksFor(reviewerRows)) {
    const inserted = await trx
      .insertInto('reviewers')
      .values(chunk)
      // A concurrent writer (PostgreSQL) may have inserted the same profile: keep theirs.
      .onConflict((oc) =>
        oc.column('profileKey').doUpdateSet((eb) => ({ profileKey: eb.ref('excluded.profileKey') })),
      )
      .returning(['id', 'profileKey'])
      .execute();
    for (const row of inserted) ids.set(row.profileKey, row.id);
  }
  const specialtyRows: { reviewerId: number; kind: string; specialty: string }[] = [];
  const stateRows: { reviewerId: number; state: string }[] = [];
  for (const key of missing) {
    const r = byKey.get(key)!;
    const reviewerId = ids.get(key)!;
    for (const specialty of new Set(r.specialties))
      specialtyRows.push({ reviewerId, kind: 'SPECIALTY', specialty });
    for (const specialty of new Set(r.subspecialties)) {
      specialtyRows.push({ reviewerId, kind: 'SUBSPECIALTY', specialty });
    }
    for (const state of new Set(r.licensedIn)) stateRows.push({ reviewerId, state });
  }
  for (const chunk of chunksFor(specialtyRows)) {
    await trx
      .insertInto('reviewerSpecialties')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const chunk of chunksFor(stateRows)) {
    await trx
      .insertInto('reviewerStates')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return ids;
}

async function upsertGuidelines(
  trx: Executor,
  citations: { source: string; guideline?: string | null; topic?: string | null }[],
): Promise<Map<string, number>> {
  const wanted = new Map<string, { source: string; name: string; topic: string }>();
  for (const c of citations) {
    wanted.set(guidelineKey(c), { source: c.source, name: c.guideline ?? '', topic: c.topic ?? '' });
  }
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const rows = [...wanted.values()];
  for (const chunk of chunksFor(rows)) {
    await trx
      .insertInto('guidelines')
      .values(chunk)
      .onConflict((oc) => oc.columns(['source', 'name', 'topic']).doNothing())
      .execute();
  }
  const sources = [...new Set(rows.map((r) => r.source))];
  const names = [...new Set(rows.map((r) => r.name))];
  for (const chunk of chunksFor(names.map((n) => ({ n })))) {
    const found = await trx
      .selectFrom('guidelines')
      .select(['id', 'source', 'name', 'topic'])
      .where('source', 'in', sources)
      .where(
        'name',
        'in',
        chunk.map((c) => c.n),
      )
      .execute();
    for (const g of found) {
      const key = `${g.source}\u0000${g.name}\u0000${g.topic}`;
      if (wanted.has(key)) ids.set(key, g.id);
    }
  }
  return ids;
}

/** Removes cases and everything derived from them (items, citations, regions, diagnoses) and their documents. */
export async function deleteCases(trx: Executor, caseIds: number[], documentIds: number[]): Promise<void> {
  for (const chunk of chunksFor(caseIds.map((id) => ({ id })))) {
    const ids = chunk.map((c) => c.id);
    // By citation id, the leading column of citation_pages' primary key (item_id has no index of its own).
    await trx
      .deleteFrom('citationPages')
      .where(
        'citationId',
        'in',
        trx
          .selectFrom('citations')
          .select('citations.id')
          .where(
            'citations.itemId',
            'in',
            trx.selectFrom('items').select('items.id').where('items.caseId', 'in', ids),
          ),
      )
      .execute();
    await trx
      .deleteFrom('citations')
      .where('itemId', 'in', trx.selectFrom('items').select('id').where('caseId', 'in', ids))
      .execute();
    await trx
      .deleteFrom('itemBodyRegions')
      .where('itemId', 'in', trx.selectFrom('items').select('id').where('caseId', 'in', ids))
      .execute();
    await trx.deleteFrom('items').where('caseId', 'in', ids).execute();
    await trx.deleteFrom('diagnoses').where('caseId', 'in', ids).execute();
    await trx.deleteFrom('cases').where('id', 'in', ids).execute();
  }
  for (const chunk of chunksFor(documentIds.map((id) => ({ id })))) {
    await trx
      .deleteFrom('documents')
      .where(
        'id',
        'in',
        chunk.map((c) => c.id),
      )
      .execute();
  }
}

export type { Db };
