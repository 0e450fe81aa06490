import { describe, expect, it } from 'vitest';
import type { BodyRegion } from '../types';
import { findBodyRegions } from './body-region-lookup';

describe('findBodyRegions', () => {
  it.each<[string, BodyRegion[]]>([
    [
      '24 Massage therapy sessions for the cervical spine (neck), 2 times a month for 12 months',
      ['CERVICAL_SPINE'],
    ],
    ['ACTIVE TISSUE RELEASE 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER', ['CERVICAL_SPINE', 'SHOULDER']],
    ['MYOFASCIAL RELEASE THERAPY FOR THE LUMBAR SPINE (1 TIME PER WEEK FOR 6 WEEKS)', ['LUMBAR_SPINE']],
    ['TWELVE (12) MASSAGE THERAPY SESSIONS', []],
    ['Dilaudid 4mg #90', []],
    ['Norco 10/325 #120', []],
    ['MRI of the C-spine', ['CERVICAL_SPINE']],
    ['Physical therapy for the low back', ['LUMBAR_SPINE']],
    ['L/S brace', ['LUMBAR_SPINE']],
    ['Lumbosacral orthosis', ['LUMBAR_SPINE']],
    ['ESI at L4-5 and L5-S1', ['LUMBAR_SPINE']],
    ['Cervical ESI C5-6', ['CERVICAL_SPINE']],
    ['Thoracic spine x-ray', ['THORACIC_SPINE']],
    ['T-spine MRI', ['THORACIC_SPINE']],
    ['Bilateral knees x-rays', ['KNEE']],
    ['Right wrist brace', ['WRIST_HAND']],
    ['Left carpal tunnel release', ['WRIST_HAND']],
    ['Hand therapy', ['WRIST_HAND']],
    ['Right ankle and foot MRI', ['ANKLE_FOOT']],
    ['Left hip injection', ['HIP']],
    ['Sacroiliac joint injection', ['HIP']],
    ['Right elbow PRP', ['ELBOW']],
    ['Botox for chronic migraine headaches', ['HEAD']],
    ['EMG/NCV of the bilateral upper extremities', ['UPPER_EXTREMITY']],
    ['NCV of the lower extremities', ['LOWER_EXTREMITY']],
    ['MRI of the neck and low back', ['CERVICAL_SPINE', 'LUMBAR_SPINE']],
    ['Right shoulder and cervical spine physical therapy', ['SHOULDER', 'CERVICAL_SPINE']],
    ['Chest x-ray', ['OTHER']],
  ])('%s → %o', (title, regions) => {
    expect(findBodyRegions(title)).toEqual(regions);
  });

  it('names each region once, in order of first appearance', () => {
    expect(findBodyRegions('Knee brace for the right knee and left knee, and the hip')).toEqual([
      'KNEE',
      'HIP',
    ]);
  });

  it('matches whole words only ("heart" is not "ear", "backup" is not "back")', () => {
    expect(findBodyRegions('heart backup year')).toEqual([]);
  });
});
