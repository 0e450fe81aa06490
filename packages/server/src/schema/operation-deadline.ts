// The time limit of a whole operation, not only of its SQL statements: a field that starts after the
// operation's deadline fails instead of running, so resolvers and the completion of a long list of results
// (every field of every node goes through a resolver) stop too. The deadline is the operation's context's
// (http/time-limit.plugin.ts), so concurrent operations each keep their own.

/** Raised by the first field that starts after its operation's deadline. */
export class OperationTimeoutError extends Error {
  override name = 'OperationTimeoutError';
}

/** Throws OperationTimeoutError when the operation whose context this is has run past its deadline. */
export function checkOperationDeadline(context: { deadline?: number | undefined }): void {
  const deadline = context.deadline;
  if (deadline !== undefined && performance.now() > deadline) {
    throw new OperationTimeoutError('the operation ran past its time limit');
  }
}
