import type { ImrClient, ItemDimension, ItemStatsQuery } from '@imr/sdk';
import { el } from './dom';
import type { FilterState } from './filter-state';

type DimensionKey = ItemStatsQuery['itemStats']['groups'][number]['key'];

/** The select filters: each offers the values present in the store (one itemStats request per dimension). */
const SELECTS: {
  key: keyof FilterState;
  label: string;
  dimension: ItemDimension;
  field: keyof DimensionKey;
}[] = [
  { key: 'category', label: 'Category', dimension: 'CATEGORY', field: 'category' },
  { key: 'drugClass', label: 'Drug class', dimension: 'DRUG_CLASS', field: 'drugClass' },
  {
    key: 'specialty',
    label: 'Reviewer specialty',
    dimension: 'REVIEWER_SPECIALTY',
    field: 'reviewerSpecialty',
  },
  { key: 'state', label: 'Reviewer state', dimension: 'REVIEWER_STATE', field: 'reviewerState' },
  { key: 'bodyRegion', label: 'Body region', dimension: 'BODY_REGION', field: 'bodyRegion' },
];

async function valuesOf(client: ImrClient, dimension: ItemDimension, field: keyof DimensionKey) {
  const { itemStats } = await client.itemStats({ groupBy: [dimension], orderBy: 'KEY_ASC' });
  const values: string[] = [];
  for (const group of itemStats.groups) {
    const value = group.key[field];
    if (value !== null && value !== undefined) values.push(String(value));
  }
  return values;
}

/**
 * Fills the filter form and calls `onChange` with the new state whenever a filter changes. The options load
 * in the background; a value from the URL the store does not hold is kept as an option, so the URL wins.
 */
export function renderFilterForm(
  form: HTMLFormElement,
  client: ImrClient,
  state: FilterState,
  onChange: (state: FilterState) => void,
): void {
  const current = (): FilterState => {
    const data = new FormData(form);
    const next = { ...state };
    for (const key of Object.keys(state) as (keyof FilterState)[]) next[key] = String(data.get(key) ?? '');
    return next;
  };
  const from = el('input', { type: 'date', name: 'from', value: state.from });
  const to = el('input', { type: 'date', name: 'to', value: state.to });
  const controls: HTMLElement[] = [el('label', {}, 'Decided from', from), el('label', {}, 'Decided to', to)];
  for (const select of SELECTS) {
    const control = el(
      'select',
      { name: select.key, 'aria-label': select.label },
      el('option', { value: '' }, 'All'),
    );
    if (state[select.key]) control.append(el('option', { value: state[select.key] }, state[select.key]));
    control.value = state[select.key];
    controls.push(el('label', {}, select.label, control));
    valuesOf(client, select.dimension, select.field).then(
      (values) => {
        const chosen = control.value;
        control.replaceChildren(el('option', { value: '' }, 'All'));
        const all = chosen && !values.includes(chosen) ? [chosen, ...values] : values;
        for (const value of all) control.append(el('option', { value }, value));
        control.value = chosen;
      },
      (error: unknown) => {
        control.title = `Options could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  }
  const reset = el('button', { type: 'reset' }, 'Clear filters');
  form.replaceChildren(...controls, reset);
  form.addEventListener('change', () => onChange(current()));
  form.addEventListener('submit', (event) => event.preventDefault());
  // After a reset the controls hold their HTML defaults (the URL's values): clear them instead.
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))
      control.value = '';
    onChange(current());
  });
}
