import { GraphQLError } from 'graphql';

// Aggregate arguments are checked by the repositories (so every caller gets the same rules); a RangeError
// there is the caller's mistake and becomes BAD_USER_INPUT with the repository's message, never a stack trace.

export function asBadUserInput(error: unknown): unknown {
  if (error instanceof RangeError) {
    return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return error;
}

/** Runs an aggregate, turning argument errors into BAD_USER_INPUT. */
export async function withStatsArguments<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asBadUserInput(error);
  }
}

export const MAX_STATS_GROUPS = 10_000;
export const DEFAULT_STATS_GROUPS = 1_000;

/** The group limit a resolver passes on: default 1,000, at most 10,000. */
export function statsLimit(limit: number | null | undefined): number {
  const value = limit ?? DEFAULT_STATS_GROUPS;
  if (!Number.isInteger(value) || value < 1 || value > MAX_STATS_GROUPS) {
    throw new GraphQLError(`limit: ${value} is out of range: ask for 1 to ${MAX_STATS_GROUPS} groups`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}
