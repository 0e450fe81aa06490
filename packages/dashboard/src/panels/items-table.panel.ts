import type { ImrClient, ItemFilter, ItemsQueryVariables, SearchQueryVariables } from '@imr/sdk';
import { ItemsDocument, SearchDocument } from '@imr/sdk';
import { openCaseDialog } from '../case-dialog';
import { el, table } from '../dom';
import type { PanelFrame } from '../panel-frame';

export const PAGE_SIZE = 10;

/** Where the table is: its search text and the cursors of the pages before this one. */
export interface TablePosition {
  query: string;
  /** `after` cursors of the pages visited; the last is the current page's (null: the first page). */
  cursors: (string | null)[];
}

/** Letters without a case number are known by their content hash: its first characters tell them apart. */
function shortKey(letterKey: string): string {
  return letterKey.length > 19 ? `${letterKey.slice(0, 18)}…` : letterKey;
}

/** The case cell: a case with a published number opens with its letter; others show their short key. */
function caseCell(client: ImrClient, c: { caseNumber: string | null; letterKey: string }): Node | string {
  const { caseNumber } = c;
  if (!caseNumber) return shortKey(c.letterKey);
  const button = el('button', { type: 'button', class: 'case-link' }, caseNumber);
  button.addEventListener('click', () => void openCaseDialog(client, caseNumber));
  return button;
}

/** The API marks matches as <mark>…</mark>: rebuilt as elements, everything else stays text. */
export function snippetNodes(snippet: string): Node[] {
  const nodes: Node[] = [];
  for (const [i, part] of snippet.split(/<mark>|<\/mark>/).entries()) {
    if (!part) continue;
    nodes.push(i % 2 === 1 ? el('mark', {}, part) : document.createTextNode(part));
  }
  return nodes;
}

function pager(
  position: TablePosition,
  totalCount: number,
  next: { hasNextPage: boolean; endCursor: string | null },
  go: (position: TablePosition) => void,
): HTMLElement {
  const page = position.cursors.length;
  const previous = el('button', { type: 'button' }, 'Previous page');
  previous.disabled = page <= 1;
  previous.addEventListener('click', () => go({ ...position, cursors: position.cursors.slice(0, -1) }));
  const following = el('button', { type: 'button' }, 'Next page');
  following.disabled = !next.hasNextPage;
  following.addEventListener('click', () =>
    go({ ...position, cursors: [...position.cursors, next.endCursor] }),
  );
  const pages = Math.max(1, Math.ceil(totalCount / PAGE_SIZE));
  return el('div', { class: 'pager' }, previous, el('span', {}, `Page ${page} of ${pages}`), following);
}

/**
 * The items matching the filters, a page at a time; with search text, the full-text search's matches (items
 * and cases, most relevant first, matches highlighted).
 */
export function loadItemsTablePanel(
  frame: PanelFrame,
  client: ImrClient,
  filter: ItemFilter,
  position: TablePosition,
  go: (position: TablePosition) => void,
): Promise<void> {
  const after = position.cursors.at(-1) ?? null;
  if (position.query) {
    const variables: SearchQueryVariables = { query: position.query, first: PAGE_SIZE, after };
    return frame.load(
      { document: SearchDocument, variables, run: () => client.search(variables) },
      ({ search }) => {
        if (search.totalCount === 0) return null;
        return el(
          'div',
          {},
          el(
            'p',
            { class: 'summary' },
            `${search.totalCount} matches for "${position.query}" (search covers every letter; the filters above do not apply).`,
          ),
          table(
            'Search matches',
            ['Kind', 'Title', 'Decision', 'Case', 'Match'],
            search.edges.map(({ node }) => [
              node.kind,
              el('span', {}, ...snippetNodes(node.title ?? node.item?.title ?? '')),
              node.item?.decision ?? '',
              caseCell(client, node.case),
              el('span', {}, ...snippetNodes(node.snippet)),
            ]),
          ),
          pager(position, search.totalCount, search.pageInfo, go),
        );
      },
      `Nothing matches "${position.query}".`,
    );
  }
  const variables: ItemsQueryVariables = { filter, orderBy: 'DECISION_DATE_DESC', first: PAGE_SIZE, after };
  return frame.load(
    { document: ItemsDocument, variables, run: () => client.items(variables) },
    ({ items }) => {
      if (items.totalCount === 0) return null;
      return el(
        'div',
        {},
        table(
          'Disputed items',
          ['Decided', 'Case', 'Item', 'Category', 'Decision'],
          items.edges.map(({ node }) => [
            node.decisionDate ?? '–',
            caseCell(client, node.case),
            node.title,
            node.category,
            node.decision,
          ]),
        ),
        pager(position, items.totalCount, items.pageInfo, go),
      );
    },
  );
}
