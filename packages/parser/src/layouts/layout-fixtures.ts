import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A constructed layout letter from ../__fixtures__ (see the README there). */
export function readLayoutFixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '../__fixtures__', name), 'utf8');
}
