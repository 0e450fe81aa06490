// What a notebook user writes: overturn rate by treatment category and decision year, as a table.
//   pnpm example:notebook --url http://localhost:4000/graphql     (from the repository root or packages/sdk)
import { parseArgs } from 'node:util';
import { createImrClient, type FlatRow } from '@imr/sdk';

const { values } = parseArgs({
  options: { url: { type: 'string', default: process.env.IMR_URL ?? 'http://localhost:4000/graphql' } },
});
const client = createImrClient({ url: values.url! });

// One request per breakdown: by category and year, and by category alone for each category's subtotal.
const [byYear, byCategory] = await Promise.all([
  client.itemStats({ groupBy: ['CATEGORY', 'DECISION_YEAR'], orderBy: 'KEY_ASC' }),
  client.itemStats({ groupBy: ['CATEGORY'], orderBy: 'KEY_ASC' }),
]);

type Stats = (typeof byYear)['itemStats']['total'];
const percent = (x: number | null | undefined) => (x == null ? null : `${(x * 100).toFixed(1)}%`);
const row = (category: string, year: string, s: Stats): FlatRow => ({
  category,
  year,
  items: s.count,
  upheld: s.upheld,
  overturned: s.overturned + s.partiallyOverturned,
  'overturn rate': percent(s.overturnRate),
  '95% interval': s.overturnRateInterval
    ? `${percent(s.overturnRateInterval.low)} – ${percent(s.overturnRateInterval.high)}`
    : null,
});

const rows: FlatRow[] = [];
for (const categoryGroup of byCategory.itemStats.groups) {
  const category = categoryGroup.key.category ?? '(none)';
  for (const g of byYear.itemStats.groups.filter((g) => g.key.category === categoryGroup.key.category)) {
    rows.push(row(category, g.key.decisionYear == null ? 'no date' : String(g.key.decisionYear), g));
  }
  rows.push(row(category, 'all years', categoryGroup));
}
rows.push(row('ALL CATEGORIES', 'all years', byCategory.itemStats.total));

console.log('Overturn rate by category and decision year (overturned includes partially overturned)\n');
console.log(client.toTextTable(rows));
