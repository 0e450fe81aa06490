import {
  compareProfiles,
  generateLetter,
  locateRealCorpus,
  profileLetters,
  type ReadLetter,
  readRealLetters,
} from '@imr/generator';
import { parseLetter } from '@imr/parser';
import type { BenchFigure, BenchSection } from '../bench-types';

// The generator against the published letters, side by side: both read by the same parser (the real ones
// through the PDF path), both measured by the same arithmetic (profileLetters). The real letters are read
// from ../shared; without them the section says so and reports nothing.

const GENERATED = 5_000;
const SEED = 1;

export const calibrationSection: BenchSection = {
  name: 'calibration',
  async run(options) {
    const location = locateRealCorpus();
    if (location.dir === null) {
      options.log(`calibration skipped: ${location.reason}`);
      return [];
    }
    const real = await readRealLetters(location.dir, location.files);
    const generated: { text: string; letter: ReadLetter }[] = [];
    for (let index = 0; index < GENERATED; index++) {
      const { id, text } = generateLetter(SEED, index);
      generated.push({ text, letter: profileInput(id, text) });
    }
    const rows = compareProfiles(profileLetters(real, 'real'), profileLetters(generated, 'generated'));
    const realNote = `${real.length} published PDFs`;
    const generatedNote = `${GENERATED.toLocaleString('en-US')} letters, seed ${SEED}, mix`;
    const figures: BenchFigure[] = [];
    for (const row of rows) {
      figures.push(
        {
          section: 'calibration',
          name: `${row.name}: real`,
          value: row.real,
          unit: row.unit,
          note: realNote,
        },
        {
          section: 'calibration',
          name: `${row.name}: generated`,
          value: row.generated,
          unit: row.unit,
          note: generatedNote,
        },
      );
    }
    return figures;
  },
};

/** A generated letter as the parser reads it, like the real ones (a refusal is a generator bug: say which). */
function profileInput(id: string, text: string): ReadLetter {
  const result = parseLetter(text);
  if (!result.ok) throw new Error(`generated letter ${id} was refused by the parser: ${result.error}`);
  const { parserVersion: _version, ...letter } = result.letter;
  return letter;
}
