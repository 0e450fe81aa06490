import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database, GuidelineRow } from '../database';
import { addDecision, type DecisionTally, emptyTally } from '../decision-tally';
import { filteredListing } from './filtered-listing';
import { some } from './item-filter';
import type { KeysetOrder, Reader } from './keyset';
import { rowsByIds } from './rows-by-key';

export interface GuidelineFilter {
  sources?: readonly string[] | null;
  /** Exact topics, e.g. "Massage Therapy". */
  topics?: readonly string[] | null;
  /** Case-insensitive substring of the guideline name. */
  nameContains?: string | null;
}

export const GUIDELINE_ORDER: KeysetOrder = {
  name: 'GUIDELINES',
  column: null,
  id: 'guidelines.id',
  direction: 'asc',
};

/** LIKE pattern matching `text` literally anywhere (escaping LIKE's own wildcards). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function guidelineFilterCondition(
  eb: ExpressionBuilder<Database, 'guidelines'>,
  filter: GuidelineFilter | null | undefined,
): Expression<SqlBool> {
  const f = filter ?? {};
  const conditions: Expression<SqlBool>[] = [];
  if (some(f.sources)) conditions.push(eb('guidelines.source', 'in', f.sources));
  if (some(f.topics)) conditions.push(eb('guidelines.topic', 'in', f.topics));
  if (f.nameContains) {
    // The backslashes containsPattern adds escape only under an ESCAPE clause on SQLite (PostgreSQL
    // escapes with a backslash by default; naming it keeps both the same).
    conditions.push(
      sql<SqlBool>`lower(${sql.ref('guidelines.name')}) like ${containsPattern(f.nameContains)} escape '\\'`,
    );
  }
  return eb.and(conditions);
}

export const { list: listGuidelines, count: countGuidelines } = filteredListing(
  'guidelines',
  ({ db }: Reader, filter: GuidelineFilter | null | undefined) =>
    db
      .selectFrom('guidelines')
      .selectAll('guidelines')
      .where((eb) => guidelineFilterCondition(eb, filter)),
  () => GUIDELINE_ORDER,
);

export function guidelinesByIds(reader: Reader, ids: readonly number[]): Promise<GuidelineRow[]> {
  return rowsByIds(reader, 'guidelines', ids);
}

export interface GuidelineCounts extends DecisionTally {
  citations: number;
}

/**
 * For each guideline: how often it was cited, and how the items citing it were decided (an item citing a
 * guideline twice counts once).
 */
export async function decisionCountsByGuidelineIds(
  { db }: Reader,
  guidelineIds: readonly number[],
): Promise<GuidelineCounts[]> {
  if (guidelineIds.length === 0) return [];
  const cited = await db
    .selectFrom('citations')
    .select((eb) => ['guidelineId', eb.fn.countAll<number>().as('n')])
    .where('guidelineId', 'in', guidelineIds)
    .groupBy('guidelineId')
    .execute();
  const decided = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('citations')
        .select(['citations.guidelineId', 'citations.itemId'])
        .where('citations.guidelineId', 'in', guidelineIds)
        .distinct()
        .as('cited'),
    )
    .innerJoin('items', 'items.id', 'cited.itemId')
    .select((eb) => ['cited.guidelineId', 'items.decision', eb.fn.countAll<number>().as('n')])
    .groupBy(['cited.guidelineId', 'items.decision'])
    .execute();
  const counts = new Map<number, GuidelineCounts>();
  const entry = (id: number) => {
    let c = counts.get(id);
    if (!c) {
      c = { ...emptyTally(), citations: 0 };
      counts.set(id, c);
    }
    return c;
  };
  for (const r of cited) entry(r.guidelineId).citations = Number(r.n);
  for (const r of decided) addDecision(entry(r.guidelineId), r.decision, Number(r.n));
  return guidelineIds.map((id) => counts.get(id) ?? { ...emptyTally(), citations: 0 });
}
