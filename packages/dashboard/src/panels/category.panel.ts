import type { ImrClient, ItemFilter, ItemStatsQueryVariables } from '@imr/sdk';
import { ItemStatsDocument } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { el, interval, percent, table } from '../dom';
import type { PanelFrame } from '../panel-frame';

/** Overturn rate by treatment category, each with its Wilson 95% interval, drawn and written out. */
export function loadCategoryPanel(frame: PanelFrame, client: ImrClient, filter: ItemFilter): Promise<void> {
  const variables: ItemStatsQueryVariables = { filter, groupBy: ['CATEGORY'], orderBy: 'COUNT_DESC' };
  return frame.load(
    { document: ItemStatsDocument, variables, run: () => client.itemStats(variables) },
    ({ itemStats }) => {
      if (itemStats.total.count === 0) return null;
      const { total } = itemStats;
      const rows = itemStats.groups.map((g) => ({
        category: g.key.category ?? 'unknown',
        count: g.count,
        overturned: g.overturned,
        rate: g.overturnRate,
        low: g.overturnRateInterval?.low ?? null,
        high: g.overturnRateInterval?.high ?? null,
      }));
      const chart = Plot.plot({
        marginLeft: 150,
        height: 40 + rows.length * 28,
        x: { label: 'Overturn rate (Wilson 95% interval)', domain: [0, 1], tickFormat: '%', grid: true },
        y: { label: null, domain: rows.map((r) => r.category) },
        marks: [
          Plot.ruleY(
            rows.filter((r) => r.low !== null),
            { y: 'category', x1: 'low', x2: 'high', stroke: '#4d5561', strokeWidth: 2 },
          ),
          Plot.dot(
            rows.filter((r) => r.rate !== null),
            {
              y: 'category',
              x: 'rate',
              fill: '#b3261e',
              r: 5,
              title: (r) => `${r.category}: ${percent(r.rate)}`,
            },
          ),
        ],
      });
      return el(
        'div',
        {},
        el(
          'p',
          { class: 'summary', 'data-testid': 'category-total' },
          `${total.count} items, ${total.overturned} overturned (${percent(total.overturnRate)}, 95% interval ${interval(total.overturnRateInterval)})`,
        ),
        chart,
        table(
          'Overturned items by category',
          ['Category', 'Overturned', '#Rate', 'Wilson 95% interval'],
          rows.map((r) => [
            r.category,
            `${r.overturned} of ${r.count}`,
            percent(r.rate),
            r.low === null ? '–' : `${percent(r.low)}–${percent(r.high)}`,
          ]),
        ),
      );
    },
  );
}
