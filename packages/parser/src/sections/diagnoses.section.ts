// Diagnoses as case summaries state them:
//   "Diagnoses included neck pain and cervicobrachial syndrome."      → two
//   "Diagnosis cervicalgia."                                          → one
//   "The listed diagnoses per  are: 1) ...; 2) ...; and 4) ..."       → numbered
//   "current diagnoses (a, b, and c)"                                 → parenthesised
// "was diagnosed with" is deliberately not read: it reports a treater's impression, not the listed diagnoses.
const DIAGNOSIS_WORD = /\bdiagnos[ei]s\b/gi;
/** Mentions of "diagnosis" tried before giving up: a summary lists its diagnoses early, if at all. */
const MAX_ATTEMPTS = 20;
const NUMBERED_LIST = /^[^.:;()]{0,60}?:?\s?(?=1[).]\s?\S)/;
const NUMBER_MARK = /\s?;?\s?(?:and\s)?\b\d{1,2}[).]\s?/g;
const PLAIN_LIST =
  /^\s?(?:(?:include[sd]?|including|are|were|was|is|of|consist(?:s|ed)?\sof)\s)?:?\s?([^.()]{2,400}?)(?:\.\s|\.$|$)/i;
const LIST_END = /\.(?:\s|$)/;
const LEADING_AND = /^(?:and|&)\s/i;
const EDGE_PUNCTUATION = /^[\s,;:.-]+|[\s,;:.-]+$/g;

function cleanEntry(entry: string): string {
  return entry.replace(EDGE_PUNCTUATION, '').replace(LEADING_AND, '').trim();
}

/** Splits "a, b, and c" / "a and b" / "a; b" into entries: commas win over "and" ("upper back and shoulder pain"). */
function splitList(list: string): string[] {
  const parts = list.includes(';')
    ? list.split(';')
    : list.includes(',')
      ? list.split(',')
      : list.split(/\sand\s/);
  return parts.map(cleanEntry).filter((entry) => entry.length > 0);
}

function readParenthesised(text: string, open: number): string | null {
  let depth = 0;
  const limit = Math.min(text.length, open + 600);
  for (let i = open; i < limit; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return null;
}

function readAt(text: string, after: number): string[] {
  const rest = text.slice(after, after + 800);
  const numbered = NUMBERED_LIST.exec(rest);
  if (numbered) {
    const body = rest.slice(numbered[0].length);
    const end = LIST_END.exec(body);
    const list = end ? body.slice(0, end.index) : body;
    return list
      .split(NUMBER_MARK)
      .map(cleanEntry)
      .filter((entry) => entry.length > 0);
  }
  const open = rest.search(/\S/);
  if (open !== -1 && rest[open] === '(') {
    const inside = readParenthesised(rest, open);
    return inside === null ? [] : splitList(inside);
  }
  const plain = PLAIN_LIST.exec(rest);
  return plain ? splitList(plain[1]!) : [];
}

/** The diagnoses the case summary lists, as written, in order; [] when it lists none. */
export function readDiagnoses(summary: string): string[] {
  DIAGNOSIS_WORD.lastIndex = 0;
  let attempts = 0;
  for (
    let match = DIAGNOSIS_WORD.exec(summary);
    match !== null && attempts++ < MAX_ATTEMPTS;
    match = DIAGNOSIS_WORD.exec(summary)
  ) {
    const entries = readAt(summary, match.index + match[0].length);
    if (entries.length > 0) return entries;
  }
  return [];
}
