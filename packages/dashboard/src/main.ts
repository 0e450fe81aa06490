import { createImrClient } from '@imr/sdk';
import { el } from './dom';
import { renderFilterForm } from './filter-form';
import { readFilterState, toItemFilter, writeFilterState } from './filter-state';
import { PanelFrame } from './panel-frame';
import { loadCategoryPanel } from './panels/category.panel';
import { loadCitedPagesPanel } from './panels/cited-pages.panel';
import { loadDaysPanel } from './panels/days-to-decision.panel';
import {
  DRUG_CLASSES,
  loadDimensionCountsPanel,
  REVIEWER_SPECIALTIES,
} from './panels/dimension-counts.panel';
import { loadItemsTablePanel, type TablePosition } from './panels/items-table.panel';
import { loadMonthPanel } from './panels/month.panel';

// The page: filters in the URL, every panel redrawn from them. Same origin as the API, so no CORS.
const client = createImrClient({ url: new URL('/graphql', window.location.href).toString() });

const frames = {
  category: new PanelFrame('panel-category', 'Overturn rate by category'),
  month: new PanelFrame('panel-month', 'Items per month'),
  drugClass: new PanelFrame('panel-drug-class', 'Drug classes'),
  specialties: new PanelFrame('panel-specialties', 'Reviewer specialties'),
  citedPages: new PanelFrame('panel-cited-pages', 'Most cited guideline pages'),
  days: new PanelFrame('panel-days', 'Days from UR denial to decision'),
  items: new PanelFrame('panel-items', 'Items', { wide: true }),
};

const searchInput = el('input', {
  type: 'search',
  name: 'q',
  'aria-label': 'Search rationales',
  placeholder: 'Search rationales, e.g. "functional improvement"',
});
const searchForm = el(
  'form',
  { class: 'search-row', role: 'search' },
  searchInput,
  el('button', {}, 'Search'),
);
frames.items.element.insertBefore(searchForm, frames.items.element.lastChild);

function loadTable(position: TablePosition): void {
  const filter = toItemFilter(readFilterState(window.location.search));
  void loadItemsTablePanel(frames.items, client, filter, position, loadTable);
}

function loadAll(): void {
  const filter = toItemFilter(readFilterState(window.location.search));
  void loadCategoryPanel(frames.category, client, filter);
  void loadMonthPanel(frames.month, client, filter);
  void loadDimensionCountsPanel(frames.drugClass, client, filter, DRUG_CLASSES);
  void loadDimensionCountsPanel(frames.specialties, client, filter, REVIEWER_SPECIALTIES);
  void loadCitedPagesPanel(frames.citedPages, client, filter);
  void loadDaysPanel(frames.days, client, filter);
  loadTable({ query: searchInput.value.trim(), cursors: [null] });
}

searchInput.value = new URLSearchParams(window.location.search).get('q') ?? '';
searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams(window.location.search);
  const query = searchInput.value.trim();
  if (query) params.set('q', query);
  else params.delete('q');
  const search = params.toString();
  window.history.pushState(null, '', search ? `?${search}` : window.location.pathname);
  loadTable({ query, cursors: [null] });
});

const form = document.querySelector<HTMLFormElement>('#filters');
const panels = document.querySelector<HTMLElement>('#panels');
if (!form || !panels) throw new Error('index.html lacks #filters or #panels');
panels.append(...Object.values(frames).map((frame) => frame.element));

function renderForm(target: HTMLFormElement): void {
  renderFilterForm(target, client, readFilterState(window.location.search), (state) => {
    const search = writeFilterState(window.location.search, state);
    window.history.pushState(null, '', search || window.location.pathname);
    loadAll();
  });
}

// Back and forward restore a shared view: the form (rebuilt, dropping its listeners) and the panels follow the URL.
let currentForm = form;
window.addEventListener('popstate', () => {
  searchInput.value = new URLSearchParams(window.location.search).get('q') ?? '';
  const fresh = currentForm.cloneNode(false) as HTMLFormElement;
  currentForm.replaceWith(fresh);
  currentForm = fresh;
  renderForm(fresh);
  loadAll();
});

renderForm(form);
loadAll();
