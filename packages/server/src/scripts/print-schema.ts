import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../schema/index';

// Prints the Pothos schema as SDL, sorted so the file only changes when the schema does. The SDK's codegen
// reads this file, never the server code. `pnpm codegen` runs this; a test fails when the committed copy is stale.

export const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../../schema.graphql');

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
