import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** Page size assumed for a connection requested without `first` (the API's default page). */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * The cost of an operation, in the manner of GitHub's node limit: the number of nodes it can return at most.
 * Each connection multiplies what is nested under it by its requested page size (`first`/`last`, default 20),
 * so `cases(first: 100) { items(first: 10) { ... } }` costs 100 + 100 × 10. Plain fields are free here (the
 * token limit bounds them). Aggregates (`*Stats`) cost a flat 25 each: one grouped scan whatever they return.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) {
      if (!operationName || def.name?.value === operationName) operation ??= def;
    }
  }
  if (!operation) return 0;
  const root = operation.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) return 0;
  const vars = variables ?? {};

  const costOf = (
    selectionSet: SelectionSetNode,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    visiting: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment cycle is a validation error reported elsewhere; never recurse into it here.
        if (!fragment || visiting.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!isObjectType(type) && !isInterfaceType(type)) continue;
        total += costOf(fragment.selectionSet, type, new Set([...visiting, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isObjectType(type) || isInterfaceType(type))
          total += costOf(selection.selectionSet, type, visiting);
        continue;
      }
      const field = parent.getFields()[selection.name.value];
      if (!field || !selection.selectionSet) continue;
      const named = getNamedType(getNullableType(field.type));
      if (!isObjectType(named) && !isInterfaceType(named)) continue;
      if (/Stats$/.test(field.name)) {
        total += 25;
        continue;
      }
      let multiplier = 1;
      if (named.name.endsWith('Connection')) {
        multiplier = DEFAULT_PAGE_SIZE;
        for (const arg of selection.arguments ?? []) {
          if (arg.name.value === 'first' || arg.name.value === 'last') {
            const value = valueFromASTUntyped(arg.value, vars);
            if (typeof value === 'number' && Number.isFinite(value)) multiplier = Math.max(0, value);
          }
        }
        total += multiplier;
      }
      total += multiplier * costOf(selection.selectionSet, named, visiting);
    }
    return total;
  };
  return costOf(operation.selectionSet, root, new Set());
}
