import type { ImrClient, ItemFilter, ItemStatsQueryVariables } from '@imr/sdk';
import { ItemStatsDocument } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { el, percent, table } from '../dom';
import type { PanelFrame } from '../panel-frame';

/** Drug requests by drug class: how many, and how many were overturned. */
export function loadDrugClassPanel(frame: PanelFrame, client: ImrClient, filter: ItemFilter): Promise<void> {
  const variables: ItemStatsQueryVariables = { filter, groupBy: ['DRUG_CLASS'], orderBy: 'COUNT_DESC' };
  return frame.load(
    { document: ItemStatsDocument, variables, run: () => client.itemStats(variables) },
    ({ itemStats }) => {
      const rows = itemStats.groups
        .filter((g) => g.key.drugClass)
        .map((g) => ({
          drugClass: g.key.drugClass ?? '',
          count: g.count,
          overturned: g.overturned,
          rate: g.overturnRate,
        }));
      if (rows.length === 0) return null;
      const long = rows.flatMap((r) => [
        { drugClass: r.drugClass, outcome: 'upheld or other', n: r.count - r.overturned },
        { drugClass: r.drugClass, outcome: 'overturned', n: r.overturned },
      ]);
      return el(
        'div',
        {},
        Plot.plot({
          marginLeft: 170,
          height: 40 + rows.length * 28,
          x: { label: 'Items', grid: true },
          y: { label: null, domain: rows.map((r) => r.drugClass) },
          color: { domain: ['upheld or other', 'overturned'], range: ['#9bb7d4', '#b3261e'], legend: true },
          marks: [Plot.barX(long, { y: 'drugClass', x: 'n', fill: 'outcome' }), Plot.ruleX([0])],
        }),
        table(
          'Drug requests by class',
          ['Drug class', '#Items', '#Overturned', '#Rate'],
          rows.map((r) => [r.drugClass, String(r.count), String(r.overturned), percent(r.rate)]),
        ),
      );
    },
    'No drug requests match these filters.',
  );
}
