// Runs over whole rationales and summaries on every parse: native string passes, no per-line loop.

const HYPHEN_LINE_BREAK = /([A-Za-z0-9]-)\n/g;

/**
 * Joins hard-wrapped lines of normalised text (single spaces, trimmed lines) into running text: lines meet
 * with one space, except that a line ending in a hyphen right after a word joins the next line directly, so
 * "flare-\nup" reads "flare-up" and "4-\n6" "4-6".
 */
export function unwrapLines(text: string): string {
  const trimmed = text.trim();
  if (trimmed.indexOf('\n') === -1) return trimmed;
  const joined = trimmed.indexOf('-\n') === -1 ? trimmed : trimmed.replace(HYPHEN_LINE_BREAK, '$1');
  return joined.replaceAll('\n', ' ');
}
