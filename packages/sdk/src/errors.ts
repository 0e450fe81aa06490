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

/**
 * Raised when the API cannot be reached at all (connection refused, DNS failure, aborted request). Its message
 * says where and why; it carries no stack (the frames would be fetch's and the SDK's, nothing a caller can act
 * on), and fetch's own error is kept as `underlying`, out of the way of what Node prints.
 */
export class ImrNetworkError extends Error {
  declare readonly url: string;
  declare readonly underlying: unknown;

  constructor(url: string, underlying: unknown) {
    // fetch rejects with a generic "fetch failed"; the reason (ECONNREFUSED, bad port...) is on its cause.
    const inner = (underlying as { cause?: { code?: string; message?: string } } | null)?.cause;
    const reason = inner?.code ?? inner?.message ?? String(underlying);
    super(
      `could not reach the IMR API at ${url}: ${reason} (is the server running there? \`pnpm start\` starts one)`,
    );
    this.name = 'ImrNetworkError';
    Object.defineProperty(this, 'url', { value: url, enumerable: false });
    Object.defineProperty(this, 'underlying', { value: underlying, enumerable: false });
    this.stack = `${this.name}: ${this.message}`;
  }
}
