import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits on the shape of every request (graphql-armor). Depth is 16, above armor's default 6, because relay
 * connections spend three levels per hop (field → edges → node): cases → items → citations → guideline is 11.
 */
export const REQUEST_LIMITS = {
  depth: 16,
  aliases: 15,
  tokens: 2_000,
  directives: 10,
  /** Highest cost (nodes an operation may return), see schema/field-cost.ts. */
  cost: 50_000,
} as const;

/**
 * Gives a refusal of graphql-armor the code a client can act on, and the limit it ran into (armor raises a bare
 * GraphQLError; its onReject handlers receive that same error before it is thrown).
 */
function tagRefusal(code: string, limit: number) {
  return [
    (_context: unknown, error: GraphQLError) => {
      Object.assign(error.extensions, { code, limit });
    },
  ];
}

export function requestLimitPlugins(options: { production: boolean }): Plugin[] {
  const plugins: Plugin[] = [
    maxDepthPlugin({
      n: REQUEST_LIMITS.depth,
      flattenFragments: true,
      onReject: tagRefusal('DEPTH_LIMIT_EXCEEDED', REQUEST_LIMITS.depth),
    }) as Plugin,
    maxAliasesPlugin({
      n: REQUEST_LIMITS.aliases,
      onReject: tagRefusal('ALIAS_LIMIT_EXCEEDED', REQUEST_LIMITS.aliases),
    }) as Plugin,
    maxTokensPlugin({
      n: REQUEST_LIMITS.tokens,
      onReject: tagRefusal('TOKEN_LIMIT_EXCEEDED', REQUEST_LIMITS.tokens),
    }) as Plugin,
    maxDirectivesPlugin({
      n: REQUEST_LIMITS.directives,
      onReject: tagRefusal('DIRECTIVE_LIMIT_EXCEEDED', REQUEST_LIMITS.directives),
    }) as Plugin,
  ];
  // Field suggestions ("Did you mean ...") map the schema for an attacker; production hides them.
  if (options.production) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;
}
