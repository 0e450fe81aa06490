/** Age bands analysts group by; null when the letter states no age. */
export const AGE_BANDS = ['<18', '18-29', '30-39', '40-49', '50-59', '60-69', '70+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number | null): AgeBand | null {
  if (age === null || !Number.isFinite(age)) return null;
  if (age < 18) return '<18';
  if (age < 30) return '18-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  if (age < 70) return '60-69';
  return '70+';
}
