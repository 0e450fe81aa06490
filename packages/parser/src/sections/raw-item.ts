import type { Citation, Decision } from '../types';

/** A disputed item as a layout reads it, before the taxonomy classifies its title. */
export interface RawItem {
  title: string;
  decision: Decision;
  citations: Citation[];
  rationale: string;
}
