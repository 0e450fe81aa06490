import type { CaseStatsQueryVariables, ImrClient, ItemFilter } from '@imr/sdk';
import { CaseStatsDocument } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { el } from '../dom';
import type { PanelFrame } from '../panel-frame';

function days(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Math.round(value)} days`;
}

/** Days from the UR denial to the IMR decision: median and p90 as figures, the spread min–max drawn. */
export function loadDaysPanel(frame: PanelFrame, client: ImrClient, filter: ItemFilter): Promise<void> {
  const variables: CaseStatsQueryVariables = { filter };
  return frame.load(
    { document: CaseStatsDocument, variables, run: () => client.caseStats(variables) },
    ({ caseStats }) => {
      const summary = caseStats.total.daysToDecision;
      if (!summary || summary.count === 0 || summary.min === null || summary.max === null) return null;
      // Equal values (one case, or ties) share one tick and one label, e.g. "min, median".
      const byValue = new Map<number, string[]>();
      for (const [label, value] of [
        ['min', summary.min],
        ['median', summary.median],
        ['p90', summary.p90],
        ['max', summary.max],
      ] as const) {
        if (value !== null) byValue.set(value, [...(byValue.get(value) ?? []), label]);
      }
      const marks = [...byValue].map(([value, labels]) => ({ value, label: labels.join(', ') }));
      const figure = (label: string, value: string) =>
        el('div', {}, el('span', { class: 'status' }, label), el('strong', {}, value));
      return el(
        'div',
        {},
        el(
          'div',
          { class: 'figures', 'data-testid': 'days-figures' },
          figure('Median', days(summary.median)),
          figure('90th percentile', days(summary.p90)),
          figure('Mean', days(summary.mean)),
          figure('Cases with both dates', String(summary.count)),
        ),
        Plot.plot({
          height: 90,
          marginLeft: 20,
          marginRight: 60,
          y: { axis: null },
          x: {
            label: 'Days from UR denial to IMR decision',
            grid: true,
            domain: [0, Math.max(1, summary.max)],
          },
          marks: [
            Plot.ruleY([0], { x1: summary.min, x2: summary.max, stroke: '#9bb7d4', strokeWidth: 6 }),
            Plot.tickX(marks, { x: 'value', stroke: '#b3261e', strokeWidth: 2 }),
            Plot.text(marks, { x: 'value', text: 'label', dy: -14 }),
          ],
        }),
      );
    },
    'No case has both a UR denial date and a decision date under these filters.',
  );
}
