// The public surface of @imr/sdk. Relative imports carry .js so the tsc build in dist/ runs on Node's ESM loader.
export {
  createImrClient,
  type ImrClient,
  MAX_PAGE_SIZE,
  type OperationMethod,
  type OperationMethods,
  operationDocuments,
  type PageWalker,
  type RequestMethod,
  type VariablesArgs,
  type Walkers,
} from './client.js';
export { ImrGraphQLError, type ImrGraphQLErrorDetail, ImrHttpError, ImrNetworkError } from './errors.js';
// `graphql()` turns one of the SDK's operation strings into its typed document.
export { graphql } from './generated/gql.js';
// Typed documents (TypedDocumentNode: usable with urql, Apollo Client, graphql-request) and their types.
export * from './generated/graphql.js';
export { collect, type PageShape, walkPages } from './paginate.js';
export { type FetchLike, type ImrClientOptions, requestOperation } from './request.js';
export {
  type FlatRow,
  type FlatValue,
  type NestedLists,
  type ToRowsOptions,
  toCsv,
  toRows,
} from './to-rows.js';
export { type TextTableOptions, toTextTable } from './to-text-table.js';
