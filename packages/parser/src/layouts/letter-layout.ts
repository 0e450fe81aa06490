import type { ParseContext } from '../parse-context';
import type { RawItem } from '../sections/raw-item';
import type { LetterDates, Patient, Priority, ReviewerCredentials } from '../types';

/** What a layout reads from a letter; parseLetter classifies the items and assembles the record. */
export interface LayoutReading {
  format: string;
  caseNumber: string | null;
  dates: Partial<LetterDates>;
  priority: Priority | null;
  reviewer: ReviewerCredentials;
  patient: Patient;
  diagnoses: string[];
  summary: string | null;
  items: RawItem[];
}

/** One published letter layout: a cheap detector on its distinctive wording, and its reader. */
export interface LetterLayout {
  name: string;
  detect(text: string): boolean;
  read(text: string, context: ParseContext): LayoutReading;
}
