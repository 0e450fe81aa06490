import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../schema/index';

// Prints the Pothos schema as SDL, sorted so the file only changes when the schema does. The SDK's codegen
// reads this file, never the server code. `pnpm codegen` runs this; `--check` (used by a test) exits 1 when
// the committed copy is stale instead of writing it.

export const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../../schema.graphql');

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // A missing file is as stale as a different one.
    }
    if (committed !== printed) {
      console.error(`${SCHEMA_FILE} is stale: run \`pnpm codegen\` and commit it`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(SCHEMA_FILE, printed);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}
