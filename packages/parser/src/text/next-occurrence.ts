/**
 * Answers "does this needle occur inside [start, end)?" for spans that move forward through one text (its
 * lines, in order): each answer reuses the last search, so all the questions together scan the text once.
 */
export class NextOccurrence {
  /** The occurrence found by the last search, Infinity when there is none after it; -1 before any search. */
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** `start` must not be less than in the previous call. */
  within(start: number, end: number): boolean {
    if (this.at < start) {
      const found = this.text.indexOf(this.needle, start);
      this.at = found === -1 ? Number.POSITIVE_INFINITY : found;
    }
    return this.at + this.needle.length <= end;
  }
}
