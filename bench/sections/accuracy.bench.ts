import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { AccuracyTally, type LetterTruth } from '@imr/generator';
import { parseLetter } from '@imr/parser';
import type { BenchFigure, BenchSection } from '../bench-types';
import { otherShareFigure, parseThroughputFigures } from './parse-figures';

// The parser on the generated corpus: throughput on letters unlike the five fixtures (every layout, longer
// lists), the share of items it could not classify, and each contract field's agreement with the truth.

const SAMPLE = 5_000;

async function readSample(truthFile: string): Promise<{ text: string; truth: LetterTruth; file: string }[]> {
  const sample: { text: string; truth: LetterTruth; file: string }[] = [];
  const lines = createInterface({
    input: createReadStream(truthFile, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const truth = JSON.parse(line) as LetterTruth & { file: string };
    sample.push({
      text: readFileSync(join(dirname(truthFile), truth.file), 'utf8'),
      truth,
      file: truth.file,
    });
    if (sample.length >= SAMPLE) {
      lines.close();
      break;
    }
  }
  return sample;
}

export const accuracySection: BenchSection = {
  name: 'accuracy',
  async run(options, shared) {
    if (!shared.truthFile) throw new Error('the accuracy section needs the corpus section first');
    const sample = await readSample(shared.truthFile);
    const texts = sample.map((s) => s.text);
    const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
    for (const text of texts.slice(0, 500)) parseLetter(text); // warm up the JIT
    const rates: number[] = [];
    const mbRates: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const started = process.hrtime.bigint();
      for (const text of texts) parseLetter(text);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      rates.push(texts.length / seconds);
      mbRates.push(bytes / 1e6 / seconds);
    }
    const results = texts.map((text) => parseLetter(text));
    const tally = new AccuracyTally();
    sample.forEach(({ truth, file }, k) => {
      const result = results[k];
      tally.compare(file, truth, result?.ok ? result.letter : null);
    });
    const scores = tally.results().sort((a, b) => a.agreed / a.compared - b.agreed / b.compared);
    const figures: BenchFigure[] = [
      ...parseThroughputFigures(
        'accuracy',
        `${sample.length.toLocaleString('en-US')} generated letters`,
        rates,
        mbRates,
      ),
      otherShareFigure('accuracy', 'generated letters', results),
      {
        section: 'accuracy',
        name: 'generated letters the parser refused',
        value: results.filter((r) => !r.ok).length,
        unit: 'letters',
        note: `of ${sample.length}`,
      },
    ];
    for (const score of scores) {
      figures.push({
        section: 'accuracy',
        name: `field accuracy vs truth: ${score.field}`,
        value: Number(((100 * score.agreed) / score.compared).toFixed(2)),
        unit: '%',
        note: `${score.agreed}/${score.compared}`,
      });
    }
    return figures;
  },
};
