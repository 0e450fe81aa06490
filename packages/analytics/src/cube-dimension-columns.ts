import {
  CASE_DIMENSION_SPECS,
  CASE_DIMENSIONS,
  type CaseDimension,
  type DimensionSpec,
  ITEM_DIMENSION_SPECS,
  ITEM_DIMENSIONS,
  type ItemDimension,
} from '@imr/store/dimensions';
import { CASE_CUBE_COLUMNS, type CaseCubeColumn } from './case-cube';
import { CUBE_COLUMNS, type CubeColumn } from './item-cube';

// Which cube column holds each dimension the row holds itself (a dimension with a bridge table is planned apart).
// Read from the store's dimension specs, so the cube and the SQL cannot disagree on what a dimension is; a
// row dimension the cube has no column for fails here, when the module loads, not in an answer.

function columnsOf<D extends string, C extends string>(
  dimensions: readonly D[],
  specs: Record<D, DimensionSpec<string, string>>,
  columns: readonly C[],
  cube: string,
): Partial<Record<D, C>> {
  const byDimension: Partial<Record<D, C>> = {};
  for (const d of dimensions) {
    const { field, bridge } = specs[d];
    if (bridge) continue;
    const column = columns.find((c) => c === field);
    if (!column) throw new Error(`the ${cube} has no column for dimension ${d} (${field})`);
    byDimension[d] = column;
  }
  return byDimension;
}

export const ITEM_DIMENSION_COLUMNS: Partial<Record<ItemDimension, CubeColumn>> = columnsOf(
  ITEM_DIMENSIONS,
  ITEM_DIMENSION_SPECS,
  CUBE_COLUMNS,
  'item cube',
);

export const CASE_DIMENSION_COLUMNS: Partial<Record<CaseDimension, CaseCubeColumn>> = columnsOf(
  CASE_DIMENSIONS,
  CASE_DIMENSION_SPECS,
  CASE_CUBE_COLUMNS,
  'case cube',
);
