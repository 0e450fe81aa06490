import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseLetter } from '@imr/parser';
import { REAL_CORPUS_DIR, realCorpus } from '../test/real-corpus';

// The comparison behind docs/pdf-extraction.md: each candidate extracts the text of the real letters (../shared),
// in a process of its own, and the parser reads it. Speed is CPU time per letter (the machine may be shared, so
// wall time is given but not trusted), memory the peak RSS, fidelity how many letters parse to the same fields
// as through pdf.js (unpdf 1.8.1, the path before PDFium). The candidates are not dependencies of the project:
//   npm i --prefix /tmp/pdf-candidates unpdf@1.8.1 @embedpdf/pdfium@2.15.1 @hyzyla/pdfium@2.1.13 mupdf@1.28.1
//   apt-get install poppler-utils     # for pdftotext, optional
//   pnpm --filter @imr/bench exec tsx compare-pdf-extractors.ts /tmp/pdf-candidates [rounds]

type Extract = (data: Uint8Array, path: string) => Promise<string> | string;
type Loader = (from: NodeJS.Require) => Promise<Extract>;

interface PdfjsTextItem {
  str?: string;
  hasEOL?: boolean;
}
interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: PdfjsTextItem[] }>; cleanup(): void }>;
}
interface Pdfjs {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<PdfjsDocument>;
    destroy(): Promise<void>;
  };
}
interface Unpdf {
  getDocumentProxy(data: Uint8Array): Promise<PdfjsDocument & { loadingTask: { destroy(): Promise<void> } }>;
  extractText(document: PdfjsDocument, options: { mergePages: false }): Promise<{ text: string[] }>;
  getResolvedPDFJS(): Promise<Pdfjs>;
}
/** The C functions of PDFium as both WebAssembly builds expose them (embedpdf wraps them without the `_`). */
interface PdfiumCalls {
  malloc(size: number): number;
  free(pointer: number): void;
  heap(): Uint8Array;
  utf16(pointer: number, bytes: number): string;
  load(pointer: number, size: number): number;
  pageCount(document: number): number;
  loadPage(document: number, index: number): number;
  loadTextPage(page: number): number;
  countChars(textPage: number): number;
  getText(textPage: number, start: number, count: number, buffer: number): number;
  closeTextPage(textPage: number): void;
  closePage(page: number): void;
  closeDocument(document: number): void;
}
type CFunction = (...args: (number | string)[]) => number;
interface EmscriptenModule {
  HEAPU8: Uint8Array;
  wasmExports: { malloc(size: number): number; free(pointer: number): void };
  UTF16ToString(pointer: number, bytes: number): string;
}
interface MupdfPage {
  toStructuredText(options: string): { asText(): string; destroy(): void };
  destroy(): void;
}
interface Mupdf {
  Document: {
    openDocument(
      data: Uint8Array,
      magic: string,
    ): { countPages(): number; loadPage(i: number): MupdfPage; destroy(): void };
  };
}

function pdfiumExtract(calls: PdfiumCalls): Extract {
  return (data) => {
    const pointer = calls.malloc(data.length);
    calls.heap().set(data, pointer);
    const document = calls.load(pointer, data.length);
    if (!document) throw new Error('PDFium could not open it');
    const pages: string[] = [];
    for (let i = 0, n = calls.pageCount(document); i < n; i++) {
      const page = calls.loadPage(document, i);
      const textPage = calls.loadTextPage(page);
      const count = calls.countChars(textPage);
      const buffer = calls.malloc((count + 1) * 2);
      const written = calls.getText(textPage, 0, count, buffer);
      pages.push(calls.utf16(buffer, Math.max(0, written - 1) * 2));
      calls.free(buffer);
      calls.closeTextPage(textPage);
      calls.closePage(page);
    }
    calls.closeDocument(document);
    calls.free(pointer);
    return pages
      .join('\n\f')
      .replace(/\r\n/g, '\n')
      .replace(/\uFFFE/g, '-');
  };
}

function pdfjsTuned(unpdf: Unpdf): Promise<Extract> {
  return unpdf.getResolvedPDFJS().then((pdfjs) => async (data: Uint8Array) => {
    const task = pdfjs.getDocument({
      data: data.slice(),
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
      disableAutoFetch: true,
      disableStream: true,
    });
    const document = await task.promise;
    try {
      const pages: string[] = [];
      for (let i = 1; i <= document.numPages; i++) {
        const page = await document.getPage(i);
        const content = await page.getTextContent();
        pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
        page.cleanup();
      }
      return pages.join('\n\f');
    } finally {
      await task.destroy();
    }
  });
}

const CANDIDATES: Record<string, Loader> = {
  // The path before this comparison: unpdf's defaults, all pages at once.
  'pdf.js (unpdf 1.8.1, as it was)': async (from) => {
    const unpdf = (await import(from.resolve('unpdf'))) as Unpdf;
    return async (data) => {
      const document = await unpdf.getDocumentProxy(data.slice());
      try {
        return (await unpdf.extractText(document, { mergePages: false })).text.join('\n\f');
      } finally {
        await document.loadingTask.destroy();
      }
    };
  },
  'pdf.js tuned (no font faces, no eval, verbosity 0, page by page)': async (from) =>
    pdfjsTuned((await import(from.resolve('unpdf'))) as Unpdf),
  'PDFium wasm (@embedpdf/pdfium 2.15.1)': async (from) => {
    const { init } = (await import(from.resolve('@embedpdf/pdfium'))) as {
      init(o: Record<string, unknown>): Promise<Record<string, CFunction> & { pdfium: EmscriptenModule }>;
    };
    const lib = await init({
      wasmBinary: readFileSync(from.resolve('@embedpdf/pdfium/pdfium.wasm')),
      print: () => {},
      printErr: () => {},
    });
    lib.PDFiumExt_Init!();
    const m = lib.pdfium;
    const c = (name: string) => lib[name] as CFunction;
    return pdfiumExtract({
      malloc: (n) => m.wasmExports.malloc(n),
      free: (p) => m.wasmExports.free(p),
      heap: () => m.HEAPU8,
      utf16: (p, n) => m.UTF16ToString(p, n),
      load: (p, n) => c('FPDF_LoadMemDocument')(p, n, ''),
      pageCount: (d) => c('FPDF_GetPageCount')(d),
      loadPage: (d, i) => c('FPDF_LoadPage')(d, i),
      loadTextPage: (p) => c('FPDFText_LoadPage')(p),
      countChars: (t) => c('FPDFText_CountChars')(t),
      getText: (t, s, n, b) => c('FPDFText_GetText')(t, s, n, b),
      closeTextPage: (t) => c('FPDFText_ClosePage')(t),
      closePage: (p) => c('FPDF_ClosePage')(p),
      closeDocument: (d) => c('FPDF_CloseDocument')(d),
    });
  },
  'PDFium wasm (@hyzyla/pdfium 2.1.13)': async (from) => {
    const { PDFiumModule } = (await import(from.resolve('@hyzyla/pdfium/dist/index.esm.js'))) as {
      PDFiumModule(o: Record<string, unknown>): Promise<EmscriptenModule & Record<string, CFunction>>;
    };
    const m = await PDFiumModule({
      wasmBinary: readFileSync(from.resolve('@hyzyla/pdfium/dist/pdfium.wasm')),
      print: () => {},
      printErr: () => {},
    });
    // This build has no PDFiumExt_Init; the plain initialisation does here.
    m._FPDF_InitLibrary!();
    const c = (name: string) => m[name] as CFunction;
    // This build exports no UTF16ToString.
    const utf16le = new TextDecoder('utf-16le');
    return pdfiumExtract({
      malloc: (n) => m.wasmExports.malloc(n),
      free: (p) => m.wasmExports.free(p),
      heap: () => m.HEAPU8,
      utf16: (p, n) => utf16le.decode(m.HEAPU8.subarray(p, p + n)),
      load: (p, n) => c('_FPDF_LoadMemDocument')(p, n, 0),
      pageCount: (d) => c('_FPDF_GetPageCount')(d),
      loadPage: (d, i) => c('_FPDF_LoadPage')(d, i),
      loadTextPage: (p) => c('_FPDFText_LoadPage')(p),
      countChars: (t) => c('_FPDFText_CountChars')(t),
      getText: (t, s, n, b) => c('_FPDFText_GetText')(t, s, n, b),
      closeTextPage: (t) => c('_FPDFText_ClosePage')(t),
      closePage: (p) => c('_FPDF_ClosePage')(p),
      closeDocument: (d) => c('_FPDF_CloseDocument')(d),
    });
  },
  'MuPDF wasm (mupdf 1.28.1)': async (from) => {
    const mupdf = (await import(from.resolve('mupdf'))) as Mupdf;
    return (data) => {
      const document = mupdf.Document.openDocument(data, 'application/pdf');
      const pages: string[] = [];
      for (let i = 0, n = document.countPages(); i < n; i++) {
        const page = document.loadPage(i);
        const text = page.toStructuredText('preserve-whitespace');
        pages.push(text.asText());
        text.destroy();
        page.destroy();
      }
      document.destroy();
      return pages.join('\f');
    };
  },
  'poppler pdftotext -raw (spawned per letter)': async () => (_data, path) =>
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-q', path, '-'], { encoding: 'utf8' }).replace(
      /\f$/,
      '',
    ),
  'poppler pdftotext, reading order (spawned per letter)': async () => (_data, path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-q', path, '-'], { encoding: 'utf8' }).replace(/\f$/, ''),
};

interface Measured {
  candidate: string;
  cpuMsPerLetter: number;
  wallMsPerLetter: number;
  peakRssMb: number;
  /** Per file: the parsed letter without version and warnings, or the error. */
  parsed: Record<string, unknown>;
}

/** CPU of this process and of its waited-for children (pdftotext), in ms, from /proc. */
function cpuMs(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (own.user + own.system) / 1000 + (Number(fields[13]) + Number(fields[14])) * 10;
}

async function measure(candidate: string, from: NodeJS.Require, rounds: number): Promise<Measured> {
  const real = realCorpus();
  if (!real.present) throw new Error(real.reason);
  const files = real.files.map((name) => join(REAL_CORPUS_DIR, name));
  const extract = await CANDIDATES[candidate]!(from);
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  const parsed: Record<string, unknown> = {};
  for (const [i, file] of files.entries()) {
    // The first round warms the code up and gives the texts; the others are timed.
    try {
      const result = parseLetter(await extract(bytes[i]!, file));
      if (result.ok) {
        const { parserVersion: _v, warnings: _w, ...letter } = result.letter;
        parsed[file] = letter;
      } else parsed[file] = { error: result.error };
    } catch (error) {
      parsed[file] = { error: String(error) };
    }
  }
  const cpuStart = cpuMs();
  const wallStart = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const [i, file] of files.entries()) await extract(bytes[i]!, file);
  }
  const letters = rounds * files.length;
  return {
    candidate,
    cpuMsPerLetter: (cpuMs() - cpuStart) / letters,
    wallMsPerLetter: (performance.now() - wallStart) / letters,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    parsed,
  };
}

function fidelity(base: Measured, other: Measured): string[] {
  const files = Object.keys(base.parsed);
  type Letter = { caseNumber: unknown; dates: unknown; items: { decision: unknown }[] };
  const count = (same: (a: Letter, b: Letter) => boolean) =>
    files.filter((f) => {
      const a = base.parsed[f] as Letter;
      const b = other.parsed[f] as Letter;
      return b && !('error' in b) && same(a, b);
    }).length;
  return [
    count((a, b) => a.caseNumber === b.caseNumber),
    count((a, b) => a.items.length === b.items.length),
    count((a, b) =>
      isDeepStrictEqual(
        a.items.map((i) => i.decision),
        b.items.map((i) => i.decision),
      ),
    ),
    count((a, b) => isDeepStrictEqual(a.dates, b.dates)),
    count((a, b) => isDeepStrictEqual(a, b)),
  ].map((n) => `${n}/${files.length}`);
}

const [candidatesDir = '/tmp/pdf-candidates', roundsArg = '3', only] = process.argv.slice(2);
const from = createRequire(join(candidatesDir, 'package.json'));
const rounds = Math.max(1, Number(roundsArg));
if (only) {
  // A child: one candidate, its result as JSON on stdout.
  console.log(JSON.stringify(await measure(only, from, rounds)));
} else {
  const results: Measured[] = [];
  for (const candidate of Object.keys(CANDIDATES)) {
    try {
      const out = execFileSync(
        process.execPath,
        [...process.execArgv, process.argv[1]!, candidatesDir, String(rounds), candidate],
        { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'ignore'], timeout: 600_000 },
      );
      results.push(JSON.parse(out) as Measured);
      console.error(`${candidate}: done`);
    } catch (error) {
      console.error(`${candidate}: not measured (${String(error).split('\n')[0]})`);
    }
  }
  const base = results[0]!;
  console.log(
    '| candidate | CPU ms/letter | wall ms/letter | peak RSS MB | case no. | item count | decisions | dates | whole letter |',
  );
  console.log('|---|---:|---:|---:|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.candidate} | ${r.cpuMsPerLetter.toFixed(1)} | ${r.wallMsPerLetter.toFixed(1)} | ${r.peakRssMb.toFixed(0)} | ${fidelity(base, r).join(' | ')} |`,
    );
  }
}
