import { phraseTerms, type TermToken } from './term-tokens';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value: T | undefined;
}

/** A dictionary phrase found in a token list: tokens [start, end). */
export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), value: undefined };
}

/**
 * A token trie over dictionary phrases, built once at module load. Matching walks the trie from each token,
 * so it costs O(tokens × longest phrase) whatever the input: no regex, no backtracking.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = newNode();

  /**
   * @param entries phrase → value pairs; a phrase listed twice keeps its first value (dictionaries list the
   *   most specific meaning first), and a phrase with no words is an error in the data.
   */
  constructor(entries: Iterable<readonly [string, T]>, what: string) {
    for (const [phrase, value] of entries) {
      const terms = phraseTerms(phrase);
      if (terms.length === 0) throw new Error(`${what}: phrase '${phrase}' has no words to match`);
      let node = this.root;
      for (const term of terms) {
        let child = node.next.get(term);
        if (child === undefined) {
          child = newNode();
          node.next.set(term, child);
        }
        node = child;
      }
      if (node.value === undefined) node.value = value;
    }
  }

  /** The longest phrase starting at token `from`, or null. */
  longestAt(tokens: readonly TermToken[], from: number): PhraseMatch<T> | null {
    let node: TrieNode<T> | undefined = this.root;
    let found: PhraseMatch<T> | null = null;
    for (let i = from; i < tokens.length; i++) {
      node = node.next.get(tokens[i]!.term);
      if (node === undefined) break;
      if (node.value !== undefined) found = { value: node.value, start: from, end: i + 1 };
    }
    return found;
  }

  /** Non-overlapping matches left to right, the longest at each position winning. */
  findAll(tokens: readonly TermToken[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const match = this.longestAt(tokens, i);
      if (match === null) i++;
      else {
        matches.push(match);
        i = match.end;
      }
    }
    return matches;
  }
}
