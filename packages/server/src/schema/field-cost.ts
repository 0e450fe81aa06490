import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import { type GraphQLField, getNamedType } from 'graphql';

// The cost of an operation, in the manner of GitHub's node limit: the number of nodes it can return at most.
// Pothos' complexity plugin adds up what this function says of each field, memoising each fragment per type,
// so a document's cost is computed in time linear in its size however its fragments spread one another.

/** What an aggregate costs: one grouped scan (or a pass over the cube) whatever it returns. */
export const AGGREGATE_COST = 25;
/** What ranking every match of a search costs on top of its page: seconds on a large store. */
export const EXHAUSTIVE_SEARCH_COST = 1_000;

const AGGREGATE_FIELDS = /Stats$|^timeSeries$|^citationCoverage$/;

/** The page size a connection field gives when `first` is absent (its declared default). */
function defaultPageSize<Context>(field: GraphQLField<unknown, Context, Record<string, unknown>>): number {
  const first = field.args.find((arg) => arg.name === 'first')?.defaultValue;
  return typeof first === 'number' ? first : 0;
}

/**
 * A field's own cost and the factor its selection's cost is multiplied by. A connection costs its page size
 * and multiplies what is nested under it by it, so `cases(first: 100) { items(first: 10) }` costs
 * 100 + 100 × 10; `nodes(ids:)` counts every id the same way. Plain fields are free here (the token limit
 * bounds them).
 */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): FieldComplexityValue {
  if (field.name === 'nodes' && Array.isArray(args.ids)) {
    return { field: args.ids.length, multiplier: args.ids.length };
  }
  // Query.node(id:), not an edge's node (which takes no argument and is counted by its connection).
  if (field.name === 'node' && field.args.length > 0) return { field: 1, multiplier: 1 };
  if (AGGREGATE_FIELDS.test(field.name)) return { field: AGGREGATE_COST, multiplier: 0 };
  if (getNamedType(field.type).name.endsWith('Connection')) {
    const first =
      typeof args.first === 'number' && Number.isFinite(args.first)
        ? Math.max(0, args.first)
        : defaultPageSize(field);
    const exhaustive = args.exhaustive === true ? EXHAUSTIVE_SEARCH_COST : 0;
    return { field: first + exhaustive, multiplier: first };
  }
  return { field: 0, multiplier: 1 };
}
