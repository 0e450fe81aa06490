import { type DocumentNode, print } from 'graphql';

/** GraphiQL (served by the API on GET /graphql) opened on an operation and its variables. */
export function graphiqlHref(document: DocumentNode, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({
    query: print(document),
    variables: JSON.stringify(variables, null, 2),
  });
  return `/graphql?${params.toString()}`;
}
