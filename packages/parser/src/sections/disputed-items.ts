import type { ParseContext } from '../parse-context';
import {
  classifyTreatment,
  findBodyRegions,
  readDuration,
  readFrequency,
  readQuantity,
} from '../taxonomy/index';
import type { DisputedItem } from '../types';
import type { RawItem } from './raw-item';
import { readRequestPortion } from './request-portion';

const NOT_ALPHANUMERIC = /[^a-z0-9]/g;

function sameItemKey(title: string): string {
  return title.toLowerCase().replace(NOT_ALPHANUMERIC, '');
}

/**
 * Letters may list each item twice (a summary list, then the detailed decisions): one item per title, at its
 * first position, with the details from whichever listing has them. Conflicting decisions keep the detailed
 * listing's and warn.
 */
export function mergeRepeatedItems(items: readonly RawItem[], context: ParseContext): RawItem[] {
  const byKey = new Map<string, RawItem>();
  const merged: RawItem[] = [];
  for (const item of items) {
    const key = sameItemKey(item.title);
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      const copy = { ...item, citations: [...item.citations] };
      byKey.set(key, copy);
      merged.push(copy);
      continue;
    }
    const itemIsDetailed =
      item.rationale.length > earlier.rationale.length || item.citations.length > earlier.citations.length;
    if (earlier.decision !== item.decision && item.decision !== 'UNKNOWN') {
      if (earlier.decision === 'UNKNOWN') earlier.decision = item.decision;
      else {
        const kept = itemIsDetailed ? item.decision : earlier.decision;
        context.warnings.push(
          `item '${item.title}' is listed twice with different decisions (${earlier.decision}, ${item.decision}); kept ${kept} from the detailed listing`,
        );
        earlier.decision = kept;
      }
    }
    if (item.citations.length > earlier.citations.length) earlier.citations = [...item.citations];
    if (item.rationale.length > earlier.rationale.length) earlier.rationale = item.rationale;
  }
  return merged;
}

/** Classifies a read item by its own title, read without a partly certified request's lead-in (category, treatment, drug, quantity, body regions). */
export function toDisputedItem(item: RawItem): DisputedItem {
  const { title, partiallyCertified } = readRequestPortion(item.title);
  const { category, treatment, drug } = classifyTreatment(title);
  return {
    title,
    decision: item.decision,
    partiallyCertified,
    category,
    treatment,
    drug,
    quantity: readQuantity(title),
    frequency: readFrequency(title),
    duration: readDuration(title),
    bodyRegions: findBodyRegions(title),
    citations: item.citations,
    rationale: item.rationale,
  };
}
