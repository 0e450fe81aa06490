/**
 * Differences between a gold answer and a parsed value, field by field. Gold drives the comparison: a field
 * absent from gold is not compared, null in gold must be null, arrays must have the same length.
 */
export function goldMismatches(gold: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(gold)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    const lengthMismatch =
      gold.length === actual.length ? [] : [`${path}: expected ${gold.length} entries, got ${actual.length}`];
    const entries = gold.flatMap((entry, i) => goldMismatches(entry, actual[i], `${path}[${i}]`));
    return [...lengthMismatch, ...entries];
  }
  if (gold !== null && typeof gold === 'object') {
    if (actual === null || typeof actual !== 'object') {
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    }
    const record = actual as Record<string, unknown>;
    return Object.entries(gold).flatMap(([key, value]) =>
      goldMismatches(value, record[key], path === '' ? key : `${path}.${key}`),
    );
  }
  return Object.is(gold, actual)
    ? []
    : [`${path}: expected ${JSON.stringify(gold)}, got ${JSON.stringify(actual)}`];
}

/** How many leaf fields a gold answer holds (what "100% of the fields match" counts). */
export function countGoldFields(gold: unknown): number {
  if (Array.isArray(gold)) return gold.reduce<number>((sum, entry) => sum + countGoldFields(entry), 0);
  if (gold !== null && typeof gold === 'object') {
    return Object.values(gold).reduce<number>((sum, value) => sum + countGoldFields(value), 0);
  }
  return 1;
}
