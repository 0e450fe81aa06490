import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, Kind, print } from 'graphql';
import { ImrGraphQLError, type ImrGraphQLErrorDetail, ImrHttpError, ImrNetworkError } from './errors.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ImrClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql */
  url: string;
  /** Defaults to the global fetch; pass `yoga.fetch` to run in-process. */
  fetch?: FetchLike;
  headers?: Record<string, string>;
}

function operationNameOf(document: DocumentNode): string | null {
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.name) return def.name.value;
  }
  return null;
}

const printed = new WeakMap<DocumentNode, string>();

/**
 * Sends one typed operation and returns its typed data, or throws ImrGraphQLError (the server answered with
 * errors), ImrHttpError (an answer that is not GraphQL) or ImrNetworkError (no answer).
 */
export async function requestOperation<TResult, TVariables>(
  options: ImrClientOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  const operationName = operationNameOf(document);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options.headers,
      },
      body: JSON.stringify({ query, variables, operationName }),
    });
  } catch (error) {
    throw new ImrNetworkError(options.url, error);
  }
  const text = await response.text();
  let body: { data?: TResult | null; errors?: ImrGraphQLErrorDetail[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ImrHttpError(response.status, text);
  }
  if (body.errors && body.errors.length > 0) throw new ImrGraphQLError(body.errors, operationName);
  if (!response.ok || body.data == null) throw new ImrHttpError(response.status, text);
  return body.data;
}
