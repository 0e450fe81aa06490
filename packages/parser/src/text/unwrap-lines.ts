const WORD_HYPHEN_AT_END = /[A-Za-z0-9]-$/;

/**
 * Joins hard-wrapped lines into running text: lines meet with one space, except that a line ending in a
 * hyphen right after a word joins the next line directly, so "flare-\nup" reads "flare-up" and "4-\n6" "4-6".
 */
export function unwrapLines(text: string): string {
  if (text.indexOf('\n') === -1) return text.trim();
  const lines = text.split('\n');
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (out.length === 0) out = line;
    else if (WORD_HYPHEN_AT_END.test(out)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

const WHITESPACE_RUN = /\s+/g;

/** Folds every whitespace run (line breaks included) into one space. */
export function foldWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}
