/** What every section reader shares while one letter is parsed: the reference date and the warnings. */
export interface ParseContext {
  /** Two-digit years resolve to the latest year not after this date; dates after it are not valid. */
  now: Date;
  warnings: string[];
}

export interface ParseOptions {
  /** The reference date for two-digit years (default: the current date). */
  now?: Date;
}
