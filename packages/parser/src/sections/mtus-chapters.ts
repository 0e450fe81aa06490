// The MTUS chapters IMR letters cite (shared/docs/MTUS-CHAPTERS.md), each with the loose names letters use.
// Citations are mapped onto the catalogue name; the text as written is kept on the citation too.
// Longer aliases come first within the compiled pattern so "Chronic Pain Medical Treatment Guidelines" wins
// over "Chronic Pain".

export interface MtusChapter {
  name: string;
  aliases: readonly string[];
}

export const MTUS_CHAPTERS: readonly MtusChapter[] = [
  {
    name: 'Chronic Pain Medical Treatment Guidelines',
    aliases: [
      'Chronic Pain Medical Treatment Guidelines',
      'Chronic Pain Medical Treatment Guideline',
      'Chronic Pain Treatment Guidelines',
      'Chronic Pain Treatment Guideline',
      'Chronic Pain Guidelines',
      'Chronic Pain Guideline',
      // 2016-17 letters: "MTUS Chronic Pain Medical Treatment 2016, Section(s): ..."
      'Chronic Pain Medical Treatment',
      'CPMTG',
    ],
  },
  {
    name: 'Postsurgical Treatment Guidelines',
    aliases: [
      'Postsurgical Treatment Guidelines',
      'Post-Surgical Treatment Guidelines',
      'Post Surgical Treatment Guidelines',
      'Postsurgical Guidelines',
      'Postsurgical Treatment',
    ],
  },
  {
    name: 'Acupuncture Medical Treatment Guidelines',
    aliases: [
      'Acupuncture Medical Treatment Guidelines',
      'Acupuncture Treatment Guidelines',
      'Acupuncture Guidelines',
      'Acupuncture Medical Treatment',
      'Acupuncture Treatment',
    ],
  },
  {
    name: 'Opioid Treatment Guidelines',
    aliases: ['Opioid Treatment Guidelines', 'Opioids Treatment Guidelines', 'Opioid Treatment'],
  },
  { name: 'General Approaches', aliases: ['General Approaches', 'General Approach'] },
  {
    name: 'Neck and Upper Back Complaints',
    aliases: ['Neck and Upper Back Complaints', 'Neck & Upper Back Complaints', 'Chapter 8'],
  },
  { name: 'Shoulder Complaints', aliases: ['Shoulder Complaints', 'Chapter 9'] },
  { name: 'Elbow Complaints', aliases: ['Elbow Complaints', 'Chapter 10'] },
  {
    name: 'Forearm, Wrist, and Hand Complaints',
    aliases: [
      'Forearm, Wrist, and Hand Complaints',
      'Forearm, Wrist and Hand Complaints',
      'Forearm, Wrist, & Hand Complaints',
      'Chapter 11',
    ],
  },
  { name: 'Low Back Complaints', aliases: ['Low Back Complaints', 'Low Back Chapter', 'Chapter 12'] },
  { name: 'Knee Complaints', aliases: ['Knee Complaints', 'Chapter 13'] },
  {
    name: 'Ankle and Foot Complaints',
    aliases: ['Ankle and Foot Complaints', 'Ankle & Foot Complaints', 'Chapter 14'],
  },
  {
    name: 'Stress-Related Conditions',
    aliases: ['Stress-Related Conditions', 'Stress Related Conditions', 'Chapter 15'],
  },
  { name: 'Initial Approaches to Treatment', aliases: ['Initial Approaches to Treatment'] },
  { name: 'Cervical and Thoracic Spine Disorders', aliases: ['Cervical and Thoracic Spine Disorders'] },
  { name: 'Shoulder Disorders', aliases: ['Shoulder Disorders'] },
  { name: 'Elbow Disorders', aliases: ['Elbow Disorders'] },
  {
    name: 'Hand, Wrist, and Forearm Disorders',
    aliases: ['Hand, Wrist, and Forearm Disorders', 'Hand, Wrist and Forearm Disorders'],
  },
  { name: 'Low Back Disorders', aliases: ['Low Back Disorders'] },
  { name: 'Knee Disorders', aliases: ['Knee Disorders'] },
  { name: 'Ankle and Foot Disorders', aliases: ['Ankle and Foot Disorders'] },
  { name: 'Hip and Groin Disorders', aliases: ['Hip and Groin Disorders'] },
  { name: 'Eye Disorders', aliases: ['Eye Disorders'] },
  { name: 'Traumatic Brain Injury', aliases: ['Traumatic Brain Injury'] },
  { name: 'Antiemetics', aliases: ['Antiemetics'] },
  {
    name: 'Workplace Mental Health',
    aliases: [
      'Workplace Mental Health',
      'Depressive Disorders',
      'Anxiety Disorders',
      'Posttraumatic Stress Disorder',
    ],
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Flexible spacing, so "ChronicPain Treatment Guidelines" (lost spaces) still reads. */
function aliasSource(alias: string): string {
  return escapeRegExp(alias).replace(/\s+/g, '\\s?');
}

const ALIAS_TO_CHAPTER = new Map<string, string>();
for (const chapter of MTUS_CHAPTERS) {
  for (const alias of chapter.aliases)
    ALIAS_TO_CHAPTER.set(alias.toLowerCase().replace(/\s+/g, ''), chapter.name);
}
const ALL_ALIASES = MTUS_CHAPTERS.flatMap((chapter) => chapter.aliases).sort((a, b) => b.length - a.length);

/** Any chapter alias, longest first; 'i' because letters write "MASSAGE THERAPY" and "Massage therapy" alike. */
export const MTUS_CHAPTER_PATTERN = new RegExp(`\\b(?:${ALL_ALIASES.map(aliasSource).join('|')})\\b`, 'i');
/** The same, only at the start of a text (a chapter name repeated right after itself). */
export const LEADING_MTUS_CHAPTER = new RegExp(`^\\s?(?:${ALL_ALIASES.map(aliasSource).join('|')})\\b`, 'i');

/** The catalogue name of a matched alias. */
export function chapterOf(alias: string): string | null {
  return ALIAS_TO_CHAPTER.get(alias.toLowerCase().replaceAll(' ', '').replaceAll('\n', '')) ?? null;
}
