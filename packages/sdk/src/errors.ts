/** One error as the GraphQL server reports it. */
export interface ImrGraphQLErrorDetail {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Raised when the server answers with GraphQL errors. `code` is the first error's `extensions.code`
 * (e.g. BAD_USER_INPUT), so callers can branch on it without parsing messages.
 */
export class ImrGraphQLError extends Error {
  readonly code: string | null;
  readonly errors: readonly ImrGraphQLErrorDetail[];
  readonly operationName: string | null;

  constructor(errors: readonly ImrGraphQLErrorDetail[], operationName: string | null) {
    const first = errors[0];
    super(first ? first.message : 'GraphQL request failed');
    this.name = 'ImrGraphQLError';
    this.code = first?.extensions?.code ?? null;
    this.errors = errors;
    this.operationName = operationName;
  }
}

/** Raised when the HTTP exchange itself fails (status not 2xx without a GraphQL body, or a non-JSON body). */
export class ImrHttpError extends Error {
  readonly status: number;
  readonly body: string;

  constructor(status: number, body: string) {
    super(`IMR API answered HTTP ${status}: ${body.slice(0, 200)}`);
    this.name = 'ImrHttpError';
    this.status = status;
    this.body = body;
  }
}

/** Raised when the API cannot be reached at all (connection refused, DNS failure, aborted request). */
export class ImrNetworkError extends Error {
  readonly url: string;

  constructor(url: string, cause: unknown) {
    // fetch rejects with a generic "fetch failed"; the reason (ECONNREFUSED, bad port...) is on its cause.
    const inner = (cause as { cause?: { code?: string; message?: string } } | null)?.cause;
    const reason = inner?.code ?? inner?.message ?? String(cause);
    super(`could not reach the IMR API at ${url}: ${reason}`, { cause });
    this.name = 'ImrNetworkError';
    this.url = url;
  }
}
