import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { htmlTable, interval, markdown, percent, plotChart } from './display';

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

function bundleOf(value: object): Record<string, string> {
  const display = (value as Record<symbol, () => Record<string, string>>)[JUPYTER_DISPLAY];
  if (!display) throw new Error('not displayable');
  return display();
}

describe('notebook display values', () => {
  it('renders rows as an escaped HTML table, numbers right-aligned, nulls as a dash', () => {
    const html = bundleOf(
      htmlTable([
        { specialty: 'Pain <Medicine>', decided: 95, rate: null },
        { specialty: 'Neurology & Co', decided: 1204.5, rate: 0.25 },
      ]),
    )['text/html']!;
    expect(html).toContain(
      '<th style="text-align:left">specialty</th><th style="text-align:right">decided</th>',
    );
    expect(html).toContain('<td style="text-align:left">Pain &lt;Medicine&gt;</td>');
    expect(html).toContain('<td style="text-align:right">1,204.5</td>');
    expect(html).toContain('<td style="text-align:right">—</td>');
    expect(html).toContain('Neurology &amp; Co');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it('draws a Plot chart as standalone SVG with its marks', () => {
    const svg = bundleOf(
      plotChart([{ x: 1 }, { x: 2 }], { marks: [Plot.dotX([{ x: 1 }, { x: 2 }], { x: 'x' })] }),
    )['image/svg+xml']!;
    expect(svg).toMatch(/^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });

  it('refuses to draw a chart of no rows', () => {
    expect(() => plotChart([], { marks: [] })).toThrow(/nothing to chart/);
  });

  it('formats rates and Wilson intervals as percentages', () => {
    expect(percent(0.13625)).toBe('13.6%');
    expect(percent(null)).toBe('—');
    expect(interval({ low: 0.107, high: 0.1712 })).toBe('10.7–17.1%');
    expect(interval(null)).toBe('—');
    expect(bundleOf(markdown('**a**'))['text/markdown']).toBe('**a**');
  });
});
