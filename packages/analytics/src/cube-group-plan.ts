import type { ItemDimension } from '@imr/store/dimensions';
import { ITEM_DIMENSION_COLUMNS } from './cube-dimension-columns';
import type { ItemCube, Value } from './item-cube';

// How the cube reads each group-by dimension: single-valued dimensions read their column; reviewer specialty
// and state read the reviewer column (expanded into the reviewer's specialties or states only at the end, once
// per distinct reviewer key instead of once per item); body region and citation dimensions read each item's list.

export type GroupPlan = ColumnPlan | ReviewerPlan | RegionPlan | CitationPlan;

export interface ColumnPlan {
  kind: 'column';
  column: Uint32Array;
  radix: number;
  decode: (code: number) => Value;
}
export interface ReviewerPlan {
  kind: 'reviewer';
  lists: number[][];
  decode: (code: number) => Value;
}
export interface RegionPlan {
  kind: 'region';
}
export interface CitationPlan {
  kind: 'citation';
  radix: number;
  read: (citationCode: number) => number;
  decode: (code: number) => Value;
}

export function planFor(cube: ItemCube, d: ItemDimension): GroupPlan {
  const column = ITEM_DIMENSION_COLUMNS[d];
  if (column) {
    const dictionary = cube.dictionaries[column];
    return {
      kind: 'column',
      column: cube.columns[column],
      radix: dictionary.size,
      decode: (c) => dictionary.values[c] ?? null,
    };
  }
  switch (d) {
    case 'BODY_REGION':
      return { kind: 'region' };
    case 'REVIEWER_SPECIALTY':
      return {
        kind: 'reviewer',
        lists: cube.reviewerSpecialties,
        decode: (c) => cube.specialtyNames.values[c] ?? null,
      };
    case 'REVIEWER_STATE':
      return {
        kind: 'reviewer',
        lists: cube.reviewerStates,
        decode: (c) => cube.stateNames.values[c] ?? null,
      };
    case 'GUIDELINE_SOURCE':
      return {
        kind: 'citation',
        radix: cube.sources.size,
        read: (c) => cube.guidelineSource[c >>> 2]!,
        decode: (c) => cube.sources.values[c] ?? null,
      };
    case 'GUIDELINE_TOPIC':
      return {
        kind: 'citation',
        radix: cube.topics.size,
        read: (c) => cube.guidelineTopic[c >>> 2]!,
        decode: (c) => cube.topics.values[c] ?? null,
      };
    case 'GUIDELINE':
      return {
        kind: 'citation',
        radix: cube.names.size,
        read: (c) => cube.guidelineName[c >>> 2]!,
        decode: (c) => cube.names.values[c] ?? null,
      };
    case 'CITED_BY':
      return {
        kind: 'citation',
        radix: cube.citedByNames.size,
        read: (c) => c & 3,
        decode: (c) => cube.citedByNames.values[c] ?? null,
      };
    default:
      throw new RangeError(`the cube cannot group by ${d}`);
  }
}
