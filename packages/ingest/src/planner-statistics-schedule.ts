// When a long write run refreshes PostgreSQL's planner statistics on the way, not only at its end
// (write-run.ts). A store's tables start a run with the statistics of their size then (none, for a new store;
// autovacuum's own ANALYZE comes late in a bulk load, or never where it is off), and the planner keeps planning for
// that size while they grow. Measured 2026-12-05 on a 2M-letter ingest into a new PostgreSQL schema (autovacuum off,
// as on CI): at 200,000 letters the writer's delete of a replaced letter's citation pages ran as a hash join over
// a sequential scan of every citation (1.2 million rows, estimated 31,058 items for 8 cases), and the run had
// slowed to 530 letters a second. Refreshing each time the store has doubled costs a few ANALYZEs a run (each
// samples a fixed 30,000 rows a table) and keeps every plan within a factor of two of the size it was made for.

/** Letters a store holds before its first refresh in a run: below this every plan is cheap whatever it guesses. */
export const FIRST_REFRESH_AT_LETTERS = 5_000;

export class PlannerStatisticsSchedule {
  private letters: number;
  private nextAt: number;

  /**
   * `lettersAtStart`: what the store held when the run began (its statistics are taken to match it: the run
   * before refreshed them when it finished).
   */
  constructor(
    lettersAtStart: number,
    private readonly firstAt = FIRST_REFRESH_AT_LETTERS,
  ) {
    this.letters = lettersAtStart;
    this.nextAt = Math.max(firstAt, 2 * lettersAtStart);
  }

  /** Counts `stored` more letters; true when the store has reached the size of its next refresh. */
  stored(stored: number): boolean {
    this.letters += stored;
    if (this.letters < this.nextAt) return false;
    this.nextAt = Math.max(this.firstAt, 2 * this.letters);
    return true;
  }
}
