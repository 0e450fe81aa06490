import type { BodyRegion, Category, DrugClass, ItemFilter } from '@imr/sdk';

/** The filters every panel shares, as they appear in the URL query string (one value each, absent = all). */
export interface FilterState {
  from: string;
  to: string;
  category: string;
  drugClass: string;
  specialty: string;
  state: string;
  bodyRegion: string;
}

export const FILTER_KEYS: readonly (keyof FilterState)[] = [
  'from',
  'to',
  'category',
  'drugClass',
  'specialty',
  'state',
  'bodyRegion',
];

export function readFilterState(search: string): FilterState {
  const params = new URLSearchParams(search);
  const state = {} as FilterState;
  for (const key of FILTER_KEYS) state[key] = params.get(key)?.trim() ?? '';
  return state;
}

/** The query string for a state; keeps parameters the filters do not own (e.g. the table's search text). */
export function writeFilterState(search: string, state: FilterState): string {
  const params = new URLSearchParams(search);
  for (const key of FILTER_KEYS) {
    if (state[key]) params.set(key, state[key]);
    else params.delete(key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The API's ItemFilter for a state. Enum values come from the URL unchecked: a value the schema does not know
 * comes back from the server as a BAD_USER_INPUT error naming it, which the panels show.
 */
export function toItemFilter(state: FilterState): ItemFilter {
  const filter: ItemFilter = {};
  if (state.from) filter.decisionDateFrom = state.from;
  if (state.to) filter.decisionDateTo = state.to;
  if (state.category) filter.category = [state.category as Category];
  if (state.drugClass) filter.drugClass = [state.drugClass as DrugClass];
  if (state.specialty) filter.reviewerSpecialty = [state.specialty];
  if (state.state) filter.reviewerState = [state.state];
  if (state.bodyRegion) filter.bodyRegion = [state.bodyRegion as BodyRegion];
  return filter;
}
