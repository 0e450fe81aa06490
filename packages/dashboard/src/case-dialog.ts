import { CaseDocument, type ImrClient } from '@imr/sdk';
import { el } from './dom';
import { graphiqlHref } from './graphiql-link';

/**
 * A case opened from the items table: its dates, items and decisions, and the letter text as stored, in a modal
 * dialog (Escape or the close button returns focus to the table).
 */
export async function openCaseDialog(client: ImrClient, caseNumber: string): Promise<void> {
  const variables = { caseNumber, withLetterText: true };
  const body = el(
    'div',
    { class: 'case-body', 'aria-live': 'polite' },
    el('p', { class: 'status' }, 'Loading…'),
  );
  const close = el('button', { type: 'button' }, 'Close');
  const dialog = el(
    'dialog',
    { class: 'case-dialog', 'aria-labelledby': 'case-dialog-title' },
    el(
      'div',
      { class: 'panel-head' },
      el('h2', { id: 'case-dialog-title' }, `Case ${caseNumber}`),
      el(
        'a',
        { class: 'query-link', href: graphiqlHref(CaseDocument, variables), target: '_blank' },
        'query',
      ),
    ),
    body,
    close,
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    const found = (await client.case(variables)).case;
    if (!found) {
      body.replaceChildren(el('p', { class: 'status empty' }, `No case ${caseNumber} in the store.`));
      return;
    }
    const items = found.items.edges.map(({ node }) =>
      el('li', {}, `${node.title}: ${node.decision}${node.category ? ` (${node.category})` : ''}`),
    );
    body.replaceChildren(
      el(
        'p',
        {},
        `Decided ${found.dates.decision ?? 'on an unknown date'}; UR denial ${found.dates.urDenial ?? 'unknown'}; ` +
          `${found.itemCount} item${found.itemCount === 1 ? '' : 's'}.`,
      ),
      el('ul', {}, ...items),
      el('h3', {}, 'Letter text'),
      el('pre', { class: 'letter-text', tabindex: '0' }, found.letterText ?? '(not stored)'),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    body.replaceChildren(
      el('p', { class: 'status error', role: 'alert' }, `Could not load the case: ${message}`),
    );
  }
}
