import {
  type Expression,
  type ExpressionBuilder,
  expressionBuilder,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../database';

/**
 * The case fields a case filter and an item filter both test: items carry copies of them (and their case's
 * reviewer), so each filter tests its own table's columns. Lists mean "any of"; dates are ISO yyyy-mm-dd,
 * inclusive.
 */
export interface CaseFieldFilter {
  priorities?: readonly string[] | null;
  patientSexes?: readonly string[] | null;
  patientAgeBands?: readonly string[] | null;
  decisionDateFrom?: string | null;
  decisionDateTo?: string | null;
  injuryDateFrom?: string | null;
  injuryDateTo?: string | null;
  reviewerSpecialties?: readonly string[] | null;
  reviewerStates?: readonly string[] | null;
  reviewerIds?: readonly number[] | null;
  /** Full-text query: over case summaries in a case filter, item titles and rationales in an item filter. */
  text?: string | null;
}

/**
 * The filter every item query and item aggregate shares. Lists mean "any of"; fields combine with AND.
 * Dates are ISO yyyy-mm-dd, inclusive.
 */
export interface ItemFilter extends CaseFieldFilter {
  decisions?: readonly string[] | null;
  categories?: readonly string[] | null;
  treatments?: readonly string[] | null;
  drugClasses?: readonly string[] | null;
  drugGenerics?: readonly string[] | null;
  bodyRegions?: readonly string[] | null;
  guidelineSources?: readonly string[] | null;
  guidelineTopics?: readonly string[] | null;
  /** Only items whose request utilization review partly certified (true) or did not (false). */
  partiallyCertified?: boolean | null;
  caseIds?: readonly number[] | null;
  guidelineIds?: readonly number[] | null;
}

export type SqlDialect = 'sqlite' | 'postgres';

/** True for a list that names at least one value: an empty or missing list does not filter. */
export const some = <T>(xs: readonly T[] | null | undefined): xs is readonly T[] =>
  Array.isArray(xs) && xs.length > 0;

/** The searchable words of free text (at most 32), each with whether a trailing '*' asked for a prefix match. */
function searchWords(text: string): { word: string; prefix: boolean }[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}*]+/u)
    .map((w) => w.replace(/\*+(?=.)/g, ''))
    .filter((w) => w.replace(/\*/g, '').length > 0)
    .slice(0, 32)
    .map((w) =>
      w.endsWith('*') ? { word: w.replace(/\*+$/, ''), prefix: true } : { word: w, prefix: false },
    );
}

/**
 * Turns free text into an FTS5 query that cannot be a syntax error: each word becomes a quoted phrase, and a
 * trailing '*' on a word keeps prefix search. Returns null when nothing searchable remains.
 */
export function toFtsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map(({ word, prefix }) => (prefix ? `"${word}"*` : `"${word}"`)).join(' ');
}

/**
 * The same search for PostgreSQL's `to_tsquery`: every word required, `word:*` for a prefix. Words hold only
 * letters and digits, so the query cannot be a syntax error. Returns null when nothing searchable remains.
 */
export function toTsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map(({ word, prefix }) => (prefix ? `${word}:*` : word)).join(' & ');
}

/** The WHERE condition for an ItemFilter over the `items` table. */
export function itemFilterCondition(
  eb: ExpressionBuilder<Database, 'items'>,
  filter: ItemFilter | null | undefined,
  dialect: SqlDialect = 'sqlite',
): Expression<SqlBool> {
  const f = filter ?? {};
  const conditions: Expression<SqlBool>[] = [];
  if (some(f.decisions)) conditions.push(eb('items.decision', 'in', f.decisions));
  if (some(f.categories)) conditions.push(eb('items.category', 'in', f.categories));
  if (some(f.treatments)) conditions.push(eb('items.treatment', 'in', f.treatments));
  if (some(f.drugClasses)) conditions.push(eb('items.drugClass', 'in', f.drugClasses));
  if (some(f.drugGenerics)) conditions.push(eb('items.drugGeneric', 'in', f.drugGenerics));
  if (some(f.caseIds)) conditions.push(eb('items.caseId', 'in', f.caseIds));
  conditions.push(...caseFieldConditions(eb, 'items', f, dialect));
  if (f.partiallyCertified != null) {
    conditions.push(eb('items.partiallyCertified', '=', f.partiallyCertified ? 1 : 0));
  }
  if (some(f.bodyRegions)) {
    conditions.push(
      eb(
        'items.id',
        'in',
        eb
          .selectFrom('itemBodyRegions')
          .select('itemBodyRegions.itemId')
          .where('itemBodyRegions.bodyRegion', 'in', f.bodyRegions),
      ),
    );
  }
  if (some(f.guidelineSources) || some(f.guidelineTopics) || some(f.guidelineIds)) {
    let cited = eb
      .selectFrom('citations')
      .innerJoin('guidelines', 'guidelines.id', 'citations.guidelineId')
      .select('citations.itemId');
    if (some(f.guidelineSources)) cited = cited.where('guidelines.source', 'in', f.guidelineSources);
    if (some(f.guidelineTopics)) cited = cited.where('guidelines.topic', 'in', f.guidelineTopics);
    if (some(f.guidelineIds)) cited = cited.where('guidelines.id', 'in', f.guidelineIds);
    conditions.push(eb('items.id', 'in', cited));
  }
  return eb.and(conditions);
}

/** The conditions of a CaseFieldFilter on the columns of `cases` or of `items`, which carry the same fields. */
export function caseFieldConditions<T extends 'cases' | 'items'>(
  eb: ExpressionBuilder<Database, T>,
  table: T,
  f: CaseFieldFilter,
  dialect: SqlDialect,
): Expression<SqlBool>[] {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  if (some(f.priorities)) conditions.push(eb(column('priority'), 'in', f.priorities));
  if (some(f.patientSexes)) conditions.push(eb(column('patientSex'), 'in', f.patientSexes));
  if (some(f.patientAgeBands)) conditions.push(eb(column('patientAgeBand'), 'in', f.patientAgeBands));
  if (some(f.reviewerIds)) conditions.push(eb(column('reviewerId'), 'in', f.reviewerIds));
  if (f.decisionDateFrom) conditions.push(eb(column('dateDecision'), '>=', f.decisionDateFrom));
  if (f.decisionDateTo) conditions.push(eb(column('dateDecision'), '<=', f.decisionDateTo));
  if (f.injuryDateFrom) conditions.push(eb(column('dateInjury'), '>=', f.injuryDateFrom));
  if (f.injuryDateTo) conditions.push(eb(column('dateInjury'), '<=', f.injuryDateTo));
  if (some(f.reviewerSpecialties)) {
    conditions.push(eb(column('reviewerId'), 'in', reviewersWithSpecialties(f.reviewerSpecialties)));
  }
  if (some(f.reviewerStates)) {
    conditions.push(eb(column('reviewerId'), 'in', reviewersInStates(f.reviewerStates)));
  }
  if (f.text != null) {
    const matches = searchMatches(table === 'cases' ? 'case' : 'item', f.text, dialect);
    conditions.push(matches === null ? sql<SqlBool>`1 = 0` : eb(column('id'), 'in', matches));
  }
  return conditions;
}

/**
 * True when the filter restricts anything (an empty list or a missing field does not). Any list's filter (items,
 * cases) is an object of optional fields, so this answers for each of them.
 */
export function isFilterSet(filter: object | null | undefined): boolean {
  return Object.values(filter ?? {}).some((v) => v != null && !(Array.isArray(v) && v.length === 0));
}

/** The reviewers with any of these specialties, as a subquery of their ids (cases and items filter on it). */
export function reviewersWithSpecialties(specialties: readonly string[]) {
  return expressionBuilder<Database, never>()
    .selectFrom('reviewerSpecialties')
    .select('reviewerSpecialties.reviewerId')
    .where('reviewerSpecialties.specialty', 'in', specialties);
}

/** The reviewers licensed in any of these states, as a subquery of their ids. */
export function reviewersInStates(states: readonly string[]) {
  return expressionBuilder<Database, never>()
    .selectFrom('reviewerStates')
    .select('reviewerStates.reviewerId')
    .where('reviewerStates.state', 'in', states);
}

/**
 * The items (or cases) whose full text matches the words, as a subquery of their ids; null when the text holds
 * no word to search for, which matches nothing.
 */
export function searchMatches(
  kind: 'item' | 'case',
  text: string,
  dialect: SqlDialect,
): RawBuilder<number> | null {
  const query = dialect === 'postgres' ? toTsQuery(text) : toFtsQuery(text);
  if (query === null) return null;
  const index = sql.raw(`${kind}_search`);
  return dialect === 'postgres'
    ? sql<number>`(select ${sql.raw(`${kind}_id`)} from ${index} where search @@ to_tsquery('english', ${query}))`
    : sql<number>`(select rowid from ${index} where ${index} match ${query})`;
}
