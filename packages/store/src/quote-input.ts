/** Characters of a client's input an error message repeats; the rest is elided. */
export const QUOTED_INPUT_CHARS = 40;

/**
 * A client's value quoted for an error message, cut to QUOTED_INPUT_CHARS: an error must say which value was
 * wrong, not echo a 10 MB cursor back.
 */
export function quoteInput(value: string): string {
  if (value.length <= QUOTED_INPUT_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, QUOTED_INPUT_CHARS))}… (${value.length.toLocaleString('en-US')} characters)`;
}
