import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../client';
import type { DecisionTally } from '../decision-tally';
import type { CitationGrouping } from '../dimensions';
import type { ItemFilter, SqlDialect } from './item-filter';
import { itemFilterSql, tallyColumns, tallyOf } from './item-stats.repository';

// Guideline tallies by SQL: the citations of the items a filter selects, grouped by guideline (or source, topic,
// page), each group's distinct items by decision. Shares, rates, ordering and the choice between this and the
// in-memory cube are @imr/analytics' (guideline-stats.ts).

/** What narrows the citations counted, beside the item filter. */
export interface CitationSelection {
  filter?: ItemFilter | null;
  /** Only citations by this party; both when absent. */
  citedBy?: string | null;
  /** Only guidelines of these sources. */
  sources?: readonly string[] | null;
  /** Only guidelines with these names. */
  guidelines?: readonly string[] | null;
  /** Group by item category first (key k0). */
  perCategory?: boolean | null;
  minCount?: number | null;
}

/** A group row: key columns k0.. (category first with perCategory), the distinct-item tally, the citations. */
export type CitationGroupRow = Record<string, string | number | null>;

const GROUPING_KEYS: Record<CitationGrouping, RawBuilder<unknown>[]> = {
  SOURCE: [sql`gl.source`],
  GUIDELINE: [sql`gl.source`, sql`nullif(gl.name, '')`],
  TOPIC: [sql`gl.source`, sql`nullif(gl.name, '')`, sql`nullif(gl.topic, '')`],
  PAGE: [sql`gl.source`, sql`nullif(gl.name, '')`, sql`cp.page`],
};

const CITATIONS_FROM = sql`items join citations cit on cit.item_id = items.id join guidelines gl on gl.id = cit.guideline_id`;
const CITED_PAGES_FROM = sql`items join citations cit on cit.item_id = items.id
  join citation_pages cp on cp.citation_id = cit.id
  join guidelines gl on gl.id = cit.guideline_id`;

function citationConditions(selection: CitationSelection, dialect: SqlDialect): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`${itemFilterSql(selection.filter, dialect)}`];
  if (selection.citedBy) conditions.push(sql`cit.cited_by = ${selection.citedBy}`);
  if (selection.sources && selection.sources.length > 0) {
    conditions.push(sql`gl.source in (${sql.join(selection.sources.map((s) => sql`${s}`))})`);
  }
  if (selection.guidelines && selection.guidelines.length > 0) {
    conditions.push(sql`gl.name in (${sql.join(selection.guidelines.map((g) => sql`${g}`))})`);
  }
  return conditions;
}

/** Per-group rows, unordered; groups with fewer than minCount distinct items are left out. */
export async function citationGroupRows(
  db: Db,
  selection: CitationSelection,
  grouping: CitationGrouping,
  dialect: SqlDialect,
): Promise<CitationGroupRow[]> {
  const keys = selection.perCategory
    ? [sql`items.category`, ...GROUPING_KEYS[grouping]]
    : GROUPING_KEYS[grouping];
  const columns = keys.map((k, i) => sql`${k} as ${sql.raw(`k${i}`)}`);
  const extra = grouping === 'PAGE' ? [] : [sql`count(*) as citations`];
  const minCount = selection.minCount ?? 1;
  const having = minCount > 1 ? sql`having count(distinct items.id) >= ${minCount}` : sql``;
  const result = await sql<CitationGroupRow>`select ${sql.join([...columns, ...extra, tallyColumns(true)])}
    from ${grouping === 'PAGE' ? CITED_PAGES_FROM : CITATIONS_FROM}
    where ${sql.join(citationConditions(selection, dialect), sql` and `)}
    group by ${sql.raw(keys.map((_, i) => String(i + 1)).join(', '))} ${having}`.execute(db);
  return result.rows;
}

/** How many items the filter selects in each category. */
export async function itemCountsByCategory(
  db: Db,
  filter: ItemFilter | null | undefined,
  dialect: SqlDialect,
): Promise<Map<string, number>> {
  const rows = await sql<{ c: string; n: number }>`select items.category as c, count(*) as n from items
    where ${itemFilterSql(filter, dialect)} group by items.category`.execute(db);
  return new Map(rows.rows.map((row) => [String(row.c), Number(row.n)]));
}

/** The items a filter selects for which a party cited no guideline (no citation, or only "none"), and the rest. */
export async function citationCoverageTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  citedBy: string,
  dialect: SqlDialect,
): Promise<{ nothing: DecisionTally; something: DecisionTally }> {
  const result = await sql<CitationGroupRow>`select
      case when exists (select 1 from citations c join guidelines g on g.id = c.guideline_id
        where c.item_id = items.id and c.cited_by = ${citedBy} and g.source <> 'NONE') then 1 else 0 end as cited,
      ${tallyColumns(false)}
    from items where ${itemFilterSql(filter, dialect)} group by 1`.execute(db);
  return {
    nothing: tallyOf(result.rows.find((r) => Number(r.cited) === 0) ?? {}),
    something: tallyOf(result.rows.find((r) => Number(r.cited) === 1) ?? {}),
  };
}
