import type { LetterDates } from '../types';

/**
 * The header block's dates, the prose's where the header states none. Written field by field: both records
 * are built key by key in varying order, and spreading objects of so many shapes takes V8's slow generic path.
 */
export function headerDatesOverProse(
  header: Partial<LetterDates>,
  prose: Partial<LetterDates>,
): Partial<LetterDates> {
  return {
    assigned: header.assigned ?? prose.assigned,
    injury: header.injury ?? prose.injury,
    decision: header.decision ?? prose.decision,
    urDenial: header.urDenial ?? prose.urDenial,
    applicationReceived: header.applicationReceived ?? prose.applicationReceived,
  };
}
