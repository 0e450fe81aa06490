import { envelop, useEngine, useSchema } from '@envelop/core';
import fc from 'fast-check';
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

  it("writes an answer with the operation's own JSON writer exactly as JSON.stringify would, whatever the values", async () => {
    const values = createSchema({
      typeDefs: `type Query { row(text: String!, texts: [String], count: Int!, share: Float, flag: Boolean, id: ID!): Row! }
        type Row { text: String! texts: [String] count: Int! share: Float flag: Boolean id: ID! nested: Row }`,
      resolvers: {
        Query: {
          row: (_root: unknown, args: Record<string, unknown>) => ({
            ...args,
            nested: { ...args, nested: null },
          }),
        },
      },
    });
    const counted = { writer: 0 };
    const yoga = createYoga({
      schema: values,
      plugins: [
        useCompiledExecution(),
        // As the query-cost plugin does: extensions added to a copy of the result.
        {
          onExecute: () => ({
            onExecuteDone: ({
              result,
              setResult,
            }: {
              result: unknown;
              setResult: (r: ExecutionResult) => void;
            }) => {
              const done = result as ExecutionResult & { stringify?: unknown };
              if (typeof done.stringify === 'function') counted.writer++;
              setResult({
                ...done,
                extensions: { cost: { requested: 3, limit: 10 }, note: 'a "quoted" \u2028' },
              });
            },
          }),
        } as Plugin,
      ],
    });
    const query = `query Q($text: String!, $texts: [String], $count: Int!, $share: Float, $flag: Boolean, $id: ID!) {
      row(text: $text, texts: $texts, count: $count, share: $share, flag: $flag, id: $id) {
        text texts count share flag id __typename nested { text count share id nested { id } }
      }
    }`;
    // Lone surrogates, control characters, quotes and backslashes: the writer escapes strings on its own.
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u2028', '\ud800', '\udfff', '\udc00\ud800'),
          fc.string({ unit: 'binary', maxLength: 4 }),
        ),
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          text,
          texts: fc.option(fc.array(fc.option(text)), { nil: null }),
          count: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          share: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
          flag: fc.option(fc.boolean(), { nil: null }),
          id: fc.oneof(text, fc.integer().map(String)),
        }),
        async (variables) => {
          const response = await yoga.fetch('http://test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          });
          const body = await response.text();
          const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown; extensions?: unknown };
          expect(parsed.errors).toBeUndefined();
          expect(body).toBe(JSON.stringify(parsed));
          // JSON has no -0: both writers send 0.
          const row = { ...variables, share: variables.share === null ? null : variables.share + 0 };
          expect(parsed.extensions).toEqual({ cost: { requested: 3, limit: 10 }, note: 'a "quoted" \u2028' });
          expect(parsed.data).toEqual({
            row: {
              ...row,
              __typename: 'Row',
              nested: { text: row.text, count: row.count, share: row.share, id: row.id, nested: null },
            },
          });
        },
      ),
      { numRuns: 200 },
    );
    expect(counted.writer).toBeGreaterThan(0);
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
