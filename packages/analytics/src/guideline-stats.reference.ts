import type { ParsedLetter } from '@imr/parser';
import { itemMatches, type ReferenceFilter } from './item-stats.reference';

// Test support: guideline analytics by plain JS over the parsed letters, for property tests to compare with.

export interface ReferenceGuidelineGroup {
  items: number;
  overturnedOrPartial: number;
  citations: number;
}

/** Per (category?, source, name, topic) for TOPIC level: distinct items citing and citation count. */
export function referenceGuidelineStats(
  letters: readonly ParsedLetter[],
  filter: ReferenceFilter,
  citedBy: string | null,
  perCategory: boolean,
): Map<string, ReferenceGuidelineGroup> {
  const groups = new Map<string, ReferenceGuidelineGroup>();
  for (const letter of letters) {
    for (const item of letter.items) {
      if (!itemMatches(letter, item, filter)) continue;
      const seen = new Set<string>();
      for (const c of item.citations) {
        if (citedBy !== null && c.citedBy !== citedBy) continue;
        const key = JSON.stringify([
          ...(perCategory ? [item.category] : []),
          c.source,
          c.guideline || null,
          c.topic || null,
        ]);
        const group = groups.get(key) ?? { items: 0, overturnedOrPartial: 0, citations: 0 };
        group.citations++;
        if (!seen.has(key)) {
          seen.add(key);
          group.items++;
          if (item.decision === 'OVERTURNED' || item.decision === 'PARTIALLY_OVERTURNED')
            group.overturnedOrPartial++;
        }
        groups.set(key, group);
      }
    }
  }
  return groups;
}

/** Per (source, name, page): distinct items citing that page. */
export function referenceCitedPages(
  letters: readonly ParsedLetter[],
  filter: ReferenceFilter,
  citedBy: string | null,
): Map<string, number> {
  const pages = new Map<string, number>();
  for (const letter of letters) {
    for (const item of letter.items) {
      if (!itemMatches(letter, item, filter)) continue;
      const keys = new Set<string>();
      for (const c of item.citations) {
        if (citedBy !== null && c.citedBy !== citedBy) continue;
        for (const page of c.pages ?? []) keys.add(JSON.stringify([c.source, c.guideline || null, page]));
      }
      for (const key of keys) pages.set(key, (pages.get(key) ?? 0) + 1);
    }
  }
  return pages;
}

/** Items matched, and those for which the party cited nothing but NONE (or nothing at all). */
export function referenceCitedNothing(
  letters: readonly ParsedLetter[],
  filter: ReferenceFilter,
  citedBy: string,
): { items: number; citedNothing: number } {
  let items = 0;
  let citedNothing = 0;
  for (const letter of letters) {
    for (const item of letter.items) {
      if (!itemMatches(letter, item, filter)) continue;
      items++;
      if (!item.citations.some((c) => c.citedBy === citedBy && c.source !== 'NONE')) citedNothing++;
    }
  }
  return { items, citedNothing };
}
