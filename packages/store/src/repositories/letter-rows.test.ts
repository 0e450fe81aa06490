import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterArb, toLetterToSave } from '../../test-support/letter.arbitrary';
import {
  bodyRegionRows,
  caseRow,
  citationPageRows,
  citationRow,
  diagnosisRows,
  documentRow,
  guidelineRow,
  itemRow,
  reviewerRow,
  reviewerSpecialtyRows,
  reviewerStateRows,
} from './letter-rows';

// SQLite's write path binds a row's values in the order its first row's keys had (sqlite-letter.repository.ts
// reads them with Object.values): every builder must list the same keys in the same order whatever the letter.

type Row = Record<string, unknown>;

function shapesOf(letterIndex: number, save: ReturnType<typeof toLetterToSave>): Map<string, string[]> {
  const { letter } = save;
  const rows: [string, Row][] = [
    ['documents', documentRow(save, 'now')],
    ['cases', caseRow(letter, 'key', 1, letterIndex % 2 ? null : 1)],
    ['reviewers', reviewerRow('profile', letter.reviewer)],
    ...reviewerSpecialtyRows(1, letter.reviewer).map((r): [string, Row] => ['reviewer_specialties', r]),
    ...reviewerStateRows(1, letter.reviewer).map((r): [string, Row] => ['reviewer_states', r]),
    ...diagnosisRows(letter, 1).map((r): [string, Row] => ['diagnoses', r]),
  ];
  letter.items.forEach((item, ordinal) => {
    rows.push(['items', itemRow(letter, item, ordinal, 1, null)]);
    for (const r of bodyRegionRows(item, 1)) rows.push(['item_body_regions', r]);
    item.citations.forEach((citation, c) => {
      rows.push(['guidelines', guidelineRow(citation)]);
      rows.push(['citations', citationRow(citation, c, 1, 1)]);
      for (const r of citationPageRows(citation.pages ?? [], 1, 1, 1)) rows.push(['citation_pages', r]);
    });
  });
  const shapes = new Map<string, string[]>();
  for (const [table, row] of rows) {
    const keys = Object.keys(row);
    const seen = shapes.get(table);
    if (seen) expect(keys, table).toEqual(seen);
    else shapes.set(table, keys);
  }
  return shapes;
}

describe('letter rows', () => {
  it('have one key order per table, whatever the letter (null or present fields, any counts)', () => {
    fc.assert(
      fc.property(letterArb, letterArb, (a, b) => {
        const first = shapesOf(0, toLetterToSave(a, 0));
        const second = shapesOf(1, toLetterToSave(b, 1));
        for (const [table, keys] of first) {
          if (second.has(table)) expect(second.get(table), table).toEqual(keys);
        }
      }),
      { numRuns: 200 },
    );
  });
});
