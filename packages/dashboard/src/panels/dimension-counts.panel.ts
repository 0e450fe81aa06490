import type { ImrClient, ItemDimension, ItemFilter, ItemStatsQuery, ItemStatsQueryVariables } from '@imr/sdk';
import { ItemStatsDocument } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { countAxis, labelMargin } from '../chart-axes';
import { el, percent, table } from '../dom';
import type { PanelFrame } from '../panel-frame';

type GroupKey = ItemStatsQuery['itemStats']['groups'][number]['key'];

/** One dimension's bars: e.g. drug requests by drug class, or items by reviewer specialty. */
export interface DimensionCounts {
  dimension: ItemDimension;
  field: keyof GroupKey;
  /** Column heading and table caption, e.g. "Drug class". */
  label: string;
  emptyText: string;
}

export const DRUG_CLASSES: DimensionCounts = {
  dimension: 'DRUG_CLASS',
  field: 'drugClass',
  label: 'Drug class',
  emptyText: 'No drug requests match these filters.',
};

export const REVIEWER_SPECIALTIES: DimensionCounts = {
  dimension: 'REVIEWER_SPECIALTY',
  field: 'reviewerSpecialty',
  label: 'Reviewer specialty',
  emptyText: 'No reviewed items match these filters.',
};

/** Items by one dimension (values absent from an item are left out): how many, and how many were overturned. */
export function loadDimensionCountsPanel(
  frame: PanelFrame,
  client: ImrClient,
  filter: ItemFilter,
  counts: DimensionCounts,
): Promise<void> {
  const variables: ItemStatsQueryVariables = { filter, groupBy: [counts.dimension], orderBy: 'COUNT_DESC' };
  return frame.load(
    { document: ItemStatsDocument, variables, run: () => client.itemStats(variables) },
    ({ itemStats }) => {
      const rows = itemStats.groups
        .filter((g) => g.key[counts.field] !== null && g.key[counts.field] !== undefined)
        .map((g) => ({
          value: String(g.key[counts.field]),
          count: g.count,
          overturned: g.overturned,
          rate: g.overturnRate,
        }));
      if (rows.length === 0) return null;
      const long = rows.flatMap((r) => [
        { value: r.value, outcome: 'upheld or other', n: r.count - r.overturned },
        { value: r.value, outcome: 'overturned', n: r.overturned },
      ]);
      return el(
        'div',
        {},
        Plot.plot({
          marginLeft: labelMargin(rows.map((r) => r.value)),
          height: 60 + rows.length * 28,
          x: countAxis('Items', Math.max(...rows.map((r) => r.count))),
          y: { label: null, domain: rows.map((r) => r.value) },
          color: { domain: ['upheld or other', 'overturned'], range: ['#9bb7d4', '#b3261e'], legend: true },
          marks: [Plot.barX(long, { y: 'value', x: 'n', fill: 'outcome' }), Plot.ruleX([0])],
        }),
        table(
          `Items by ${counts.label.toLowerCase()}`,
          [counts.label, '#Items', '#Overturned', '#Rate'],
          rows.map((r) => [r.value, String(r.count), String(r.overturned), percent(r.rate)]),
        ),
      );
    },
    counts.emptyText,
  );
}
