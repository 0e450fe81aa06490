import type { ParsedLetter } from '@imr/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKeptOver, planLetterBatch, type StoredLetter } from './letter-batch-plan';
import type { LetterToSave } from './letter-rows';

// A text always parses to the same letter: one key and one decision date per text.
interface Text {
  sha256: string;
  caseNumber: string;
  decision: string | null;
}

function save(text: Text, parserVersion = 'v1'): LetterToSave {
  return {
    letter: {
      caseNumber: text.caseNumber,
      dates: { decision: text.decision },
      parserVersion,
    } as unknown as ParsedLetter,
    document: {
      sha256: text.sha256,
      sourcePath: `${text.sha256}.txt`,
      sizeBytes: 1,
      rawText: new Uint8Array(),
    },
  };
}

/** Runs batches through the plan against a store kept in a map, as both backends apply it. */
function applyBatches(batches: readonly LetterToSave[][]) {
  const stored = new Map<string, StoredLetter>();
  let nextId = 1;
  const outcomes: string[] = [];
  for (const batch of batches) {
    const plan = planLetterBatch(batch, (key, sha256) => {
      return stored.get(key) ?? [...stored.values()].find((s) => s.sha256 === sha256);
    });
    for (const id of plan.replacedCaseIds) {
      for (const [key, s] of stored) if (s.id === id) stored.delete(key);
    }
    for (const { save: s, key } of plan.toWrite) {
      const id = nextId++;
      stored.set(key, {
        id,
        documentId: id,
        parserVersion: s.letter.parserVersion,
        dateDecision: s.letter.dates.decision,
        sha256: s.document.sha256,
      });
    }
    outcomes.push(...plan.outcomes);
  }
  const kept = new Map([...stored].map(([key, s]) => [key, s.sha256]));
  return { kept, outcomes };
}

const texts = fc
  .uniqueArray(
    fc.record({
      sha256: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 4 }),
      caseNumber: fc.constantFrom('CM13-1', 'CM13-2', 'CM13-3'),
      decision: fc.constantFrom(null, '2015-01-01', '2015-06-30', '2016-02-01'),
    }),
    { minLength: 1, maxLength: 8, selector: (t) => t.sha256 },
  )
  .chain((pool) =>
    fc.record({
      pool: fc.constant(pool),
      // Files: texts picked with repeats (a letter published twice), in any order, cut into batches anywhere.
      files: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 16 }),
      cuts: fc.array(fc.nat(16), { maxLength: 4 }),
    }),
  );

function batchesOf(files: readonly Text[], cuts: readonly number[]): LetterToSave[][] {
  const at = [...new Set(cuts.map((c) => c % (files.length + 1)))].sort((a, b) => a - b);
  const batches: LetterToSave[][] = [];
  let from = 0;
  for (const cut of [...at, files.length]) {
    if (cut > from) batches.push(files.slice(from, cut).map((t) => save(t)));
    from = Math.max(from, cut);
  }
  return batches;
}

describe('planLetterBatch', () => {
  it('keeps, for each case number, the same letter whatever the order and batching of the files', () => {
    fc.assert(
      fc.property(texts, ({ files, cuts }) => {
        const { kept, outcomes } = applyBatches(batchesOf(files, cuts));
        const expected = new Map<string, string>();
        for (const text of files) {
          const rival = files.find((t) => t.sha256 === expected.get(text.caseNumber));
          const rank = (t: Text) => ({ dateDecision: t.decision, sha256: t.sha256 });
          if (!rival || isKeptOver(rank(text), rank(rival))) expected.set(text.caseNumber, text.sha256);
        }
        expect(kept).toEqual(expected);
        // One outcome per file; each case number is stored once, and every text not kept was either replaced
        // (by an `updated`) or never stored (`superseded`).
        expect(outcomes).toHaveLength(files.length);
        const count = (o: string) => outcomes.filter((x) => x === o).length;
        expect(count('stored')).toBe(expected.size);
        const distinct = new Set(files.map((t) => t.sha256)).size;
        expect(count('superseded') + count('updated')).toBeGreaterThanOrEqual(distinct - expected.size);
      }),
      { numRuns: 500 },
    );
  });

  it('prefers the later decision, then the greater text hash; no date is the earliest', () => {
    expect(
      isKeptOver({ dateDecision: '2015-02-01', sha256: 'a' }, { dateDecision: '2015-01-01', sha256: 'b' }),
    ).toBe(true);
    expect(isKeptOver({ dateDecision: null, sha256: 'f' }, { dateDecision: '2015-01-01', sha256: 'a' })).toBe(
      false,
    );
    expect(
      isKeptOver({ dateDecision: '2015-01-01', sha256: 'b' }, { dateDecision: '2015-01-01', sha256: 'a' }),
    ).toBe(true);
    expect(
      isKeptOver({ dateDecision: '2015-01-01', sha256: 'a' }, { dateDecision: '2015-01-01', sha256: 'a' }),
    ).toBe(false);
  });

  it('replaces a letter stored by another parser version, and leaves one stored by the same', () => {
    const text = { sha256: 'aaaa', caseNumber: 'CM13-1', decision: '2015-01-01' };
    const storedAs = (parserVersion: string): StoredLetter => ({
      id: 7,
      documentId: 8,
      parserVersion,
      dateDecision: text.decision,
      sha256: text.sha256,
    });
    const older = planLetterBatch([save(text, 'v2')], () => storedAs('v1'));
    expect(older).toMatchObject({ outcomes: ['updated'], replacedCaseIds: [7], replacedDocumentIds: [8] });
    const same = planLetterBatch([save(text, 'v2')], () => storedAs('v2'));
    expect(same).toMatchObject({ outcomes: ['already-present'], toWrite: [], replacedCaseIds: [] });
  });
});
