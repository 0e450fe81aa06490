import { GraphQLError } from 'graphql';

/** Most ids `nodes(ids:)` takes, like a page of a connection. */
export const MAX_NODE_IDS = 100;

/**
 * The relay plugin's `nodes` resolver, refusing more than MAX_NODE_IDS ids (BAD_USER_INPUT): a list of
 * 20,000 ids would otherwise load every one of them in one operation.
 */
export function resolveLimitedNodes<Id>(
  _root: unknown,
  args: { ids: readonly Id[] },
  _context: unknown,
  _info: unknown,
  resolveNodes: (ids: Id[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  if (args.ids.length > MAX_NODE_IDS) {
    throw new GraphQLError(
      `ids: ${args.ids.length} ids given, at most ${MAX_NODE_IDS} are allowed: ask for them in several operations`,
      { extensions: { code: 'BAD_USER_INPUT', limit: MAX_NODE_IDS } },
    );
  }
  return resolveNodes([...args.ids]);
}
