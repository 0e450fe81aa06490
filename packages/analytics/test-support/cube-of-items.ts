import { CUBE_COLUMNS, type CubeColumn, type ItemCube, ItemCubeBuilder, type Value } from '../src/item-cube';

// Small cubes for the cube's own tests: one item per case (item and case ids 1..n), every column null unless
// given, no injury dates.

export interface TestItem {
  reviewerId: number | null;
  dateDecision: string | null;
  values: Partial<Record<CubeColumn, Value>>;
}

type Multi = Parameters<ItemCubeBuilder['finish']>[0];

export function cubeOfItems(items: readonly TestItem[], multi: Partial<Multi> = {}): ItemCube {
  const builder = new ItemCubeBuilder();
  builder.addItems(
    items.map((item, i) => ({
      id: i + 1,
      caseId: i + 1,
      reviewerId: item.reviewerId,
      dateDecision: item.dateDecision,
      dateInjury: null,
      values: Object.fromEntries(CUBE_COLUMNS.map((c) => [c, item.values[c] ?? null])) as Record<
        CubeColumn,
        Value
      >,
    })),
  );
  return builder.finish({
    bodyRegions: [],
    citations: [],
    reviewerSpecialties: [],
    reviewerStates: [],
    guidelines: [],
    ...multi,
  });
}
