import { AsyncLocalStorage } from 'node:async_hooks';

// The time limit of a whole operation, not only of its SQL statements: a field that starts after the
// operation's deadline fails instead of running, so resolvers and the completion of a long list of results
// (every field of every node goes through a resolver) stop too. The deadline is carried by AsyncLocalStorage,
// so concurrent operations each keep their own.

/** Raised by the first field that starts after its operation's deadline. */
export class OperationTimeoutError extends Error {
  override name = 'OperationTimeoutError';
}

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` (an operation's execution) with its fields held to `performance.now()`-based `deadline`. */
export function runWithOperationDeadline<T>(deadline: number, work: () => T): T {
  return deadlines.run(deadline, work);
}

/** Throws OperationTimeoutError when the running operation's deadline has passed. */
export function checkOperationDeadline(): void {
  const deadline = deadlines.getStore();
  if (deadline !== undefined && performance.now() > deadline) {
    throw new OperationTimeoutError('the operation ran past its time limit');
  }
}
