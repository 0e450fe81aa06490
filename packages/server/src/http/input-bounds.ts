/** Bounds on what a request may carry, checked before anything parses or runs it. */
export const INPUT_BOUNDS = {
  /** Bytes of a request body. */
  bodyBytes: 1_000_000,
  /** Nesting of a variable's value (filters nest two or three levels). */
  variableDepth: 32,
  /** Values in any one list given in variables: the longest filter list, and well under SQLite's 32,766 variables. */
  listValues: 1_000,
} as const;

/** What is wrong with a request's variables (named by its path), or null when they are within the bounds. */
export function variablesProblem(variables: unknown, root = 'variables'): string | null {
  // Walked with an explicit stack: a value nested 200,000 deep must not overflow the call stack here either.
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: variables, path: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > INPUT_BOUNDS.variableDepth) {
      return `${path}: nested more than ${INPUT_BOUNDS.variableDepth} levels deep`;
    }
    if (Array.isArray(value)) {
      if (value.length > INPUT_BOUNDS.listValues) {
        return `${path}: ${value.length} values given, at most ${INPUT_BOUNDS.listValues} are allowed in a list`;
      }
      value.forEach((item, i) => {
        stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 });
      });
    } else {
      for (const [key, item] of Object.entries(value)) {
        stack.push({ value: item, path: `${path}.${key.slice(0, 40)}`, depth: depth + 1 });
      }
    }
  }
  return null;
}
