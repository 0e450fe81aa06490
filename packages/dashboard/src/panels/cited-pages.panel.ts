import type { CitedPagesQueryVariables, ImrClient, ItemFilter } from '@imr/sdk';
import { CitedPagesDocument } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { countAxis, labelMargin } from '../chart-axes';
import { el, percent, table } from '../dom';
import type { PanelFrame } from '../panel-frame';

/** "Chronic Pain Medical Treatment Guidelines" → "CPMTG": axis labels stay short, the table keeps full names. */
function abbreviate(name: string): string {
  if (name.length <= 16) return name;
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .map((word) => word[0]?.toUpperCase())
    .join('');
}

/** The guideline pages cited most, with their share of the items and the overturn rate when each is cited. */
export function loadCitedPagesPanel(frame: PanelFrame, client: ImrClient, filter: ItemFilter): Promise<void> {
  const variables: CitedPagesQueryVariables = { filter, limit: 10, orderBy: 'COUNT_DESC' };
  return frame.load(
    { document: CitedPagesDocument, variables, run: () => client.citedPages(variables) },
    ({ citedPages }) => {
      const rows = citedPages.groups.map((g) => ({
        label: `${g.guideline ?? g.source} p. ${g.page}`,
        short: `${abbreviate(g.guideline ?? g.source)} p. ${g.page}`,
        count: g.count,
        share: g.share,
        rate: g.overturnRate,
      }));
      if (rows.length === 0) return null;
      return el(
        'div',
        {},
        Plot.plot({
          marginLeft: labelMargin(rows.map((r) => r.short)),
          height: 40 + rows.length * 26,
          x: countAxis('Items citing the page', Math.max(...rows.map((r) => r.count))),
          y: { label: null, domain: rows.map((r) => r.short) },
          marks: [
            Plot.barX(rows, {
              y: 'short',
              x: 'count',
              fill: '#0b5cad',
              title: (r) => `${r.label}: ${r.count} items`,
            }),
            Plot.ruleX([0]),
          ],
        }),
        table(
          'Most cited guideline pages',
          ['Guideline page', '#Items', '#Share', '#Overturn rate when cited'],
          rows.map((r) => [r.label, String(r.count), percent(r.share), percent(r.rate)]),
        ),
      );
    },
    'No guideline citations match these filters.',
  );
}
