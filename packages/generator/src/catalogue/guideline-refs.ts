import type { BodyRegion } from '@imr/parser';

// What a guideline line can cite, before it is written in one layout's wording. The truth Citation follows
// from the reference alone (guideline-citation.ts), so every layout agrees on what a citation means.

/** An MTUS chapter (docs/MTUS-CHAPTERS.md catalogue name), optionally a topic and a page range. */
export interface MtusRef {
  kind: 'MTUS';
  chapter: string;
  topic: string | null;
  pages: readonly [number, number] | null;
}

/** "Decision based on MTUS ACOEM." with nothing more: source MTUS, guideline ACOEM. */
export interface MtusAcoemRef {
  kind: 'MTUS_ACOEM';
}

export interface OdgRef {
  kind: 'ODG';
  chapter: string;
  topic: string;
}

export interface CcrRef {
  kind: 'CCR';
  section: string;
}

export interface NoEvidenceRef {
  kind: 'NONE';
}

/** Evidence outside the guidelines ("Other Medical Treatment Guideline or Medical Evidence: ..."): source OTHER. */
export interface OtherEvidenceRef {
  kind: 'OTHER';
  reference: string;
}

export type GuidelineRef = MtusRef | MtusAcoemRef | OdgRef | CcrRef | NoEvidenceRef | OtherEvidenceRef;

/** References of the kind reviewers cite when the guidelines are silent (names of sources, no quotation). */
export const OTHER_EVIDENCE: readonly OtherEvidenceRef[] = [
  'American College of Radiology Appropriateness Criteria',
  'UpToDate, Drug information',
  'Food and Drug Administration prescribing information',
  'American Academy of Orthopaedic Surgeons clinical practice guideline',
].map((reference) => ({ kind: 'OTHER', reference }));

export const CHRONIC_PAIN = 'Chronic Pain Medical Treatment Guidelines';
export const ACUPUNCTURE = 'Acupuncture Medical Treatment Guidelines';
export const POSTSURGICAL = 'Postsurgical Treatment Guidelines';

export function chronicPain(topic: string, from: number, to = from): MtusRef {
  return { kind: 'MTUS', chapter: CHRONIC_PAIN, topic, pages: [from, to] };
}

export function odg(chapter: string, topic: string): OdgRef {
  return { kind: 'ODG', chapter, topic };
}

export const CCR_DEFINITIONS: CcrRef = { kind: 'CCR', section: 'section 9792.20' };
export const NO_EVIDENCE: NoEvidenceRef = { kind: 'NONE' };
export const MTUS_ACOEM: MtusAcoemRef = { kind: 'MTUS_ACOEM' };

/** The 2004 ACOEM chapter (part of the MTUS) and the ODG chapter for a body region. */
interface RegionChapters {
  acoem: string | null;
  odg: string;
  imagingPages: readonly [number, number];
  surgeryPages: readonly [number, number];
}

const REGION_CHAPTERS: Readonly<Record<BodyRegion, RegionChapters>> = {
  HEAD: { acoem: null, odg: 'Head', imagingPages: [0, 0], surgeryPages: [0, 0] },
  CERVICAL_SPINE: {
    acoem: 'Neck and Upper Back Complaints',
    odg: 'Neck and Upper Back',
    imagingPages: [177, 178],
    surgeryPages: [179, 181],
  },
  THORACIC_SPINE: {
    acoem: 'Low Back Complaints',
    odg: 'Low Back',
    imagingPages: [303, 304],
    surgeryPages: [305, 307],
  },
  LUMBAR_SPINE: {
    acoem: 'Low Back Complaints',
    odg: 'Low Back',
    imagingPages: [303, 304],
    surgeryPages: [305, 307],
  },
  SHOULDER: {
    acoem: 'Shoulder Complaints',
    odg: 'Shoulder',
    imagingPages: [207, 209],
    surgeryPages: [209, 211],
  },
  ELBOW: { acoem: 'Elbow Complaints', odg: 'Elbow', imagingPages: [42, 42], surgeryPages: [44, 45] },
  WRIST_HAND: {
    acoem: 'Forearm, Wrist, and Hand Complaints',
    odg: 'Forearm, Wrist, & Hand',
    imagingPages: [268, 269],
    surgeryPages: [270, 271],
  },
  HIP: { acoem: null, odg: 'Hip & Pelvis', imagingPages: [0, 0], surgeryPages: [0, 0] },
  KNEE: { acoem: 'Knee Complaints', odg: 'Knee & Leg', imagingPages: [341, 343], surgeryPages: [344, 345] },
  ANKLE_FOOT: {
    acoem: 'Ankle and Foot Complaints',
    odg: 'Ankle & Foot',
    imagingPages: [372, 374],
    surgeryPages: [374, 375],
  },
  UPPER_EXTREMITY: {
    acoem: 'Neck and Upper Back Complaints',
    odg: 'Neck and Upper Back',
    imagingPages: [177, 178],
    surgeryPages: [179, 181],
  },
  LOWER_EXTREMITY: {
    acoem: 'Low Back Complaints',
    odg: 'Low Back',
    imagingPages: [303, 304],
    surgeryPages: [305, 307],
  },
  OTHER: { acoem: null, odg: 'Pain (Chronic)', imagingPages: [0, 0], surgeryPages: [0, 0] },
};

export function odgChapterFor(region: BodyRegion | null): string {
  return region === null ? 'Pain (Chronic)' : REGION_CHAPTERS[region].odg;
}

/** The ACOEM (MTUS) chapter citation for imaging or surgery of a region, or the ODG chapter when MTUS has none. */
export function regionRef(
  region: BodyRegion | null,
  what: 'imaging' | 'surgery',
  odgTopic: string,
): GuidelineRef {
  const chapters = region === null ? null : REGION_CHAPTERS[region];
  if (chapters === null || chapters.acoem === null) return odg(odgChapterFor(region), odgTopic);
  const pages = what === 'imaging' ? chapters.imagingPages : chapters.surgeryPages;
  return { kind: 'MTUS', chapter: chapters.acoem, topic: null, pages };
}
