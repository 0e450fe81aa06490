import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../codegen';
import { operationDocuments } from './client.js';

// The generated code is committed, so it must be what `pnpm codegen` would write today from the committed
// schema.graphql and src/operations; and every operation must still be valid against that schema.

const SDK_DIR = resolve(import.meta.dirname, '..');
const SCHEMA_FILE = resolve(SDK_DIR, '../../schema.graphql');
const OPERATIONS_DIR = join(SDK_DIR, 'src/operations');
const GENERATED_DIR = join(SDK_DIR, 'src/generated');

function operationFiles(): string[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
}

function allOperationsDocument() {
  const source = operationFiles()
    .map((f) => readFileSync(join(OPERATIONS_DIR, f), 'utf8'))
    .join('\n');
  return parse(source);
}

describe('generated code', () => {
  it('is what codegen writes from the current schema.graphql and operations (run `pnpm codegen` if not)', async () => {
    const outputs: { filename: string; content: string }[] = await generate(
      { ...codegenConfig, cwd: SDK_DIR, silent: true },
      false,
    );
    const generatedFiles = readdirSync(GENERATED_DIR).sort();
    expect(outputs.map((o) => o.filename.split('/').pop()).sort()).toEqual(generatedFiles);
    for (const output of outputs) {
      const committed = readFileSync(join(GENERATED_DIR, output.filename.split('/').pop()!), 'utf8');
      expect(committed, `${output.filename} is stale: run \`pnpm codegen\``).toBe(output.content);
    }
  });
});

describe('operations', () => {
  it('validate against the root schema.graphql', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const errors = validate(schema, allOperationsDocument()).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('are named, uniquely, and each one is a client method', () => {
    const names = allOperationsDocument().definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
    );
    expect(names).not.toContain('(anonymous)');
    expect(new Set(names).size).toBe(names.length);
    const methods = names.map((n) => n.charAt(0).toLowerCase() + n.slice(1)).sort();
    expect([...operationDocuments().keys()].sort()).toEqual(methods);
  });
});
