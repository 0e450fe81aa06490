// Samples of several measurements taken in alternating blocks, so that each sees the same spells of the machine.
// The query section compares an HTTP p50 with the p50 of the SQL (or cube work) underneath; timed one after the
// other, a slow spell during either moved the ratio whole: at 100k letters the SQL of the nested page of 100
// cases read 2.75 ms in one run and 4.81 ms in the next, same code and store, and the ratio 3.35 and 1.52.

export interface SampleSource {
  /** Times `count` runs and returns each one's milliseconds. */
  block(count: number): Promise<number[]>;
}

export interface SampleBudget {
  /** Samples each source takes at most. */
  count: number;
  /**
   * Milliseconds of samples after which a source stops, once it has `atLeast` (the sum of its samples, not the
   * wall time: the time the others take is not its own).
   */
  budgetMs: number;
  atLeast: number;
  /** Samples a source takes before the next one's turn. */
  blockSize: number;
}

/** Each source's samples, in the order given; the sources take turns, a block each, until each is done. */
export async function interleavedSamples(
  sources: readonly SampleSource[],
  { count, budgetMs, atLeast, blockSize }: SampleBudget,
): Promise<number[][]> {
  const samples = sources.map((): number[] => []);
  const spent = sources.map(() => 0);
  const done = (i: number) =>
    samples[i]!.length >= count || (samples[i]!.length >= atLeast && spent[i]! >= budgetMs);
  while (sources.some((_, i) => !done(i))) {
    for (const [i, source] of sources.entries()) {
      if (done(i)) continue;
      const taken = samples[i]!.length;
      let n = Math.min(blockSize, count - taken);
      if (taken > 0) {
        // A slow source (seconds a sample) takes what its budget has room for, not a whole block.
        const perSample = spent[i]! / taken;
        const room = perSample > 0 ? Math.floor((budgetMs - spent[i]!) / perSample) : n;
        n = Math.min(n, Math.max(atLeast - taken, room, 1));
      } else {
        // The first block is one sample: it tells how long one takes.
        n = 1;
      }
      const ms = await source.block(n);
      if (ms.length !== n) throw new Error(`a sample source gave ${ms.length} samples for ${n}`);
      samples[i]!.push(...ms);
      spent[i]! += ms.reduce((sum, x) => sum + x, 0);
    }
  }
  return samples;
}
