import type { BodyRegion } from '@imr/parser';
import type { Weighted } from '../seeded-random';

/** A body-region phrase as item headings write it, and the region it names. */
export interface RegionPhrase {
  text: string;
  region: BodyRegion;
  /** Short form used inside parenthesised heading suffixes, e.g. "(CERVICAL, RIGHT SHOULDER". */
  short: string;
}

function phrase(text: string, region: BodyRegion, short = text): RegionPhrase {
  return { text, region, short };
}

export const SPINE_PHRASES: Weighted<RegionPhrase> = [
  [phrase('lumbar spine', 'LUMBAR_SPINE', 'lumbar'), 30],
  [phrase('low back', 'LUMBAR_SPINE', 'low back'), 8],
  [phrase('cervical spine', 'CERVICAL_SPINE', 'cervical'), 18],
  [phrase('neck', 'CERVICAL_SPINE'), 4],
  [phrase('thoracic spine', 'THORACIC_SPINE', 'thoracic'), 3],
];

export const LIMB_PHRASES: Weighted<RegionPhrase> = [
  [phrase('right shoulder', 'SHOULDER'), 9],
  [phrase('left shoulder', 'SHOULDER'), 7],
  [phrase('bilateral shoulders', 'SHOULDER'), 2],
  [phrase('right knee', 'KNEE'), 8],
  [phrase('left knee', 'KNEE'), 7],
  [phrase('right wrist', 'WRIST_HAND'), 4],
  [phrase('left hand', 'WRIST_HAND'), 3],
  [phrase('right elbow', 'ELBOW'), 2],
  [phrase('left elbow', 'ELBOW'), 2],
  [phrase('right hip', 'HIP'), 2],
  [phrase('left hip', 'HIP'), 2],
  [phrase('right ankle', 'ANKLE_FOOT'), 2],
  [phrase('left foot', 'ANKLE_FOOT'), 2],
];

export const EXTREMITY_PHRASES: Weighted<RegionPhrase> = [
  [phrase('bilateral upper extremities', 'UPPER_EXTREMITY'), 5],
  [phrase('bilateral lower extremities', 'LOWER_EXTREMITY'), 5],
  [phrase('right upper extremity', 'UPPER_EXTREMITY'), 1],
  [phrase('left lower extremity', 'LOWER_EXTREMITY'), 1],
];

export const ANY_REGION_PHRASES: Weighted<RegionPhrase> = [...SPINE_PHRASES, ...LIMB_PHRASES];

/** Spinal levels for injections and surgery, by region. */
export const SPINAL_LEVELS: Readonly<Partial<Record<BodyRegion, readonly string[]>>> = {
  LUMBAR_SPINE: ['L3-L4', 'L4-L5', 'L5-S1', 'L4-S1'],
  CERVICAL_SPINE: ['C4-C5', 'C5-C6', 'C6-C7'],
  THORACIC_SPINE: ['T7-T8', 'T10-T11'],
};
