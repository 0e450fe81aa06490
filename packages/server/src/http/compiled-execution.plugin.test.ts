import { envelop, useEngine, useSchema } from '@envelop/core';
import { type ExecutionResult, execute, parse, specifiedRules, subscribe, validate } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCompiledExecution } from './compiled-execution.plugin';

const schema = createSchema({
  typeDefs: `type Query { echo(text: String!): String! greeting: String! }`,
  resolvers: {
    Query: {
      echo: (_root: unknown, args: { text: string }) => args.text,
      greeting: () => 'hello',
    },
  },
});

/** Counts the executions that reach the wrapped (graphql-js) execute function, i.e. were not compiled. */
function interpretedCounter(): { plugin: Plugin; count: () => number } {
  let count = 0;
  return {
    plugin: {
      onExecute({ executeFn, setExecuteFn }) {
        setExecuteFn((args) => {
          count++;
          return executeFn(args);
        });
      },
    },
    count: () => count,
  };
}

async function post(
  yoga: ReturnType<typeof createYoga>,
  body: Record<string, unknown>,
): Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }> {
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

describe('compiled execution', () => {
  it('runs the operation the request names, not the first one compiled from the same document', async () => {
    const counter = interpretedCounter();
    const yoga = createYoga({ schema, plugins: [counter.plugin, useCompiledExecution()] });
    const document = `query A { greeting } query B { echo(text: "b") }`;
    expect((await post(yoga, { query: document, operationName: 'A' })).data).toEqual({ greeting: 'hello' });
    expect((await post(yoga, { query: document, operationName: 'B' })).data).toEqual({ echo: 'b' });
    expect((await post(yoga, { query: document, operationName: 'A' })).data).toEqual({ greeting: 'hello' });
    expect(counter.count()).toBe(0);
  });

  it("applies a non-null variable's default when the request omits it, and uses the value when given", async () => {
    const yoga = createYoga({ schema, plugins: [useCompiledExecution()] });
    const query = `query Q($text: String! = "default") { echo(text: $text) }`;
    expect(await post(yoga, { query })).toEqual({ data: { echo: 'default' } });
    expect(await post(yoga, { query, variables: { text: 'given' } })).toEqual({ data: { echo: 'given' } });
    const required = await post(yoga, { query: `query Q($text: String!) { echo(text: $text) }` });
    expect(required.errors?.[0]?.message).toMatch(/\$text/);
  });

  it('hands what it cannot compile to graphql-js, which answers with its own error', async () => {
    // Yoga refuses such a request before execution; envelop alone lets it through to the execute function.
    const counter = interpretedCounter();
    const getEnveloped = envelop({
      plugins: [
        useEngine({ parse, validate, specifiedRules, execute, subscribe }),
        useSchema(schema),
        counter.plugin,
        useCompiledExecution(),
      ],
    });
    const { execute: run, schema: enveloped, contextFactory } = getEnveloped();
    const result = (await run({
      schema: enveloped,
      document: parse('query A { greeting }'),
      operationName: 'Missing',
      contextValue: await contextFactory(),
    })) as ExecutionResult;
    expect(result.errors?.[0]?.message).toMatch(/Unknown operation named "Missing"/);
    expect(counter.count()).toBe(1);
  });

  it('writes an answer with errors by JSON.stringify, errors included', async () => {
    const failing = createSchema({
      typeDefs: 'type Query { ok: String! broken: String }',
      resolvers: {
        Query: {
          ok: () => 'fine',
          broken: () => {
            throw new Error('no');
          },
        },
      },
    });
    const yoga = createYoga({ schema: failing, plugins: [useCompiledExecution()], maskedErrors: false });
    const response = await post(yoga, { query: '{ ok broken }' });
    expect(response.data).toEqual({ ok: 'fine', broken: null });
    expect(response.errors?.[0]?.message).toBe('no');
  });
});
