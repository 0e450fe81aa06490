import type { Db } from '@imr/store/client';
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type Context, createContext } from '../context';
import { schema } from './index';

// A store that fails the test if anything reaches it: a field past the deadline must not run at all.
const untouchable = new Proxy({} as Db, {
  get: () => {
    throw new Error('the store was used after the deadline');
  },
});

describe('the operation deadline', () => {
  it('fails every field that would start after it, before its resolver runs', async () => {
    const context: Context = { ...createContext(untouchable), deadline: performance.now() - 1 };
    const result = await execute({
      schema,
      document: parse('{ cases(first: 1) { totalCount } }'),
      contextValue: context,
    });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e) => e.originalError?.name)).toEqual(['OperationTimeoutError']);
  });

  it('lets fields run before it', async () => {
    // search with no word fails in its resolver, before any SQL: proof that the resolver ran.
    const context: Context = { ...createContext(untouchable), deadline: performance.now() + 60_000 };
    const result = await execute({
      schema,
      document: parse('{ search(query: "!!") { totalCount } }'),
      contextValue: context,
    });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
