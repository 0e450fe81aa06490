import type { ImrClient, ItemFilter, TimeSeriesQueryVariables } from '@imr/sdk';
import { TimeSeriesDocument } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { countAxis, monthLabel } from '../chart-axes';
import { el, percent } from '../dom';
import type { PanelFrame } from '../panel-frame';

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Items decided per month (bars) and the month's overturn rate (line), with undated items counted apart. */
export function loadMonthPanel(frame: PanelFrame, client: ImrClient, filter: ItemFilter): Promise<void> {
  const variables: TimeSeriesQueryVariables = { filter, interval: 'MONTH' };
  return frame.load(
    { document: TimeSeriesDocument, variables, run: () => client.timeSeries(variables) },
    ({ timeSeries }) => {
      const buckets = timeSeries.buckets.map((b) => ({
        month: monthLabel(b.start),
        count: b.count,
        overturned: b.overturned,
        rate: b.overturnRate,
      }));
      const total = buckets.reduce((sum, b) => sum + b.count, 0);
      if (total === 0 && timeSeries.undated.count === 0) return null;
      // Both charts share one band axis of months, labelled alike; with many months, every nth is labelled.
      const months = buckets.map((b) => b.month);
      const every = Math.max(1, Math.ceil(months.length / 8));
      const monthAxis = {
        label: null,
        type: 'band' as const,
        domain: months,
        ticks: months.filter((_, i) => i % every === 0),
      };
      const counts = Plot.plot({
        height: 180,
        x: monthAxis,
        y: countAxis('Items', Math.max(0, ...buckets.map((b) => b.count))),
        marks: [
          Plot.barY(buckets, {
            x: 'month',
            y: 'count',
            fill: '#0b5cad',
            title: (b) => `${b.month}: ${b.count} items, ${b.overturned} overturned`,
          }),
          Plot.ruleY([0]),
        ],
      });
      const rates = Plot.plot({
        height: 150,
        x: monthAxis,
        y: { label: 'Overturn rate', domain: [0, 1], tickFormat: '%', grid: true },
        marks: [
          Plot.line(
            buckets.filter((b) => b.rate !== null),
            { x: 'month', y: 'rate', stroke: '#b3261e' },
          ),
          Plot.dot(
            buckets.filter((b) => b.rate !== null),
            { x: 'month', y: 'rate', fill: '#b3261e', title: (b) => `${b.month}: ${percent(b.rate)}` },
          ),
        ],
      });
      return el(
        'div',
        {},
        el(
          'p',
          { class: 'summary' },
          `${plural(total, 'dated item')} over ${plural(buckets.length, 'month')}; ${timeSeries.undated.count} without a decision date.`,
        ),
        counts,
        rates,
      );
    },
  );
}
