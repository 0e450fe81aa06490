import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFiumModule } from '@hyzyla/pdfium';

// PDF text through PDFium compiled to WebAssembly, the @hyzyla/pdfium build, called at the level of PDFium's C
// functions (docs/pdf-extraction.md says why this one: on the real letters it gives the same parse as pdf.js
// did, in under half the CPU). One PDFium instance per thread, made on
// first use. Its heap is capped: PDFium asks JavaScript to grow its memory, and past the cap the answer is no,
// so a file that would need gigabytes fails alone instead of taking the process down. Reading the .wasm file is
// loading the library, like an import: the parser still reads no input of its own.

/** How far one PDF may go before extraction gives up on it. */
export interface PdfTextLimits {
  /** Pages in the document. */
  maxPages: number;
  /** Characters of text, all pages together. */
  maxChars: number;
  /** PDFium's WebAssembly heap, in MiB. */
  maxHeapMb: number;
}

// A real letter is 3 to 15 pages and 10 to 60 thousand characters, and PDFium reads one in under 20 MB.
export const DEFAULT_PDF_TEXT_LIMITS: Readonly<PdfTextLimits> = {
  maxPages: 500,
  maxChars: 2_000_000,
  maxHeapMb: 256,
};

/** A PDF that goes past one of its limits: the message names the limit. */
export class PdfLimitError extends Error {
  override readonly name = 'PdfLimitError';
}

// FPDF_GetLastError codes (fpdfview.h).
const LOAD_ERRORS: Readonly<Record<number, string>> = {
  1: 'unknown error',
  2: 'file not found or could not be opened',
  3: 'not in PDF format or corrupted',
  4: 'password required or incorrect password',
  5: 'unsupported security scheme',
  6: 'page not found or content error',
};

// PDFium marks a hyphen that ends a line as U+FFFE; pdf.js gave it as '-', which the parser's repairs expect.
const LINE_END_HYPHEN = /\uFFFE/g;
const UTF16LE = new TextDecoder('utf-16le');
// PDFium ends a line with CR LF and keeps the space a line broke at; pdf.js gave a bare LF, which the parser and
// the tests written against its text expect ("portion of the\noriginal request").
const LINE_END = /[ \t]*\r\n/g;

/** The build's C functions; its typings leave out the plain initialisation. */
type PdfiumModule = Awaited<ReturnType<typeof PDFiumModule>> & { _FPDF_InitLibrary(): void };

interface Pdfium {
  lib: PdfiumModule;
  heapLimitBytes: number;
  /** Set when PDFium asked for more memory than the cap. */
  refusedGrowth: boolean;
}

type EmscriptenImports = { env: Record<string, unknown> };

let current: Promise<Pdfium> | null = null;
let compiled: Promise<WebAssembly.Module> | null = null;

/** Compiled once per thread: an instance replaced after an abort reuses it. */
function compileWasm(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(
    readFileSync(createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm')),
  );
  return compiled;
}

async function createPdfium(heapLimitBytes: number): Promise<Pdfium> {
  const wasm = await compileWasm();
  const state: { pdfium: Pdfium | null } = { pdfium: null };
  const lib = (await PDFiumModule({
    // PDFium's own diagnostics (and emscripten's) would go to the console; the caller gets errors instead.
    print: () => {},
    printErr: () => {},
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
      const env = (imports as unknown as EmscriptenImports).env;
      const grow = env.emscripten_resize_heap as (requested: number) => number;
      env.emscripten_resize_heap = (requested: number): number => {
        if (requested >>> 0 > heapLimitBytes) {
          if (state.pdfium) state.pdfium.refusedGrowth = true;
          return 0;
        }
        return grow(requested);
      };
      void WebAssembly.instantiate(wasm, imports).then(receive);
      return {};
    },
  } as Parameters<typeof PDFiumModule>[0])) as PdfiumModule;
  lib._FPDF_InitLibrary();
  state.pdfium = { lib, heapLimitBytes, refusedGrowth: false };
  return state.pdfium;
}

async function pdfiumFor(limits: PdfTextLimits): Promise<Pdfium> {
  const heapLimitBytes = limits.maxHeapMb * 2 ** 20;
  if (current) {
    const pdfium = await current;
    if (pdfium.heapLimitBytes === heapLimitBytes) return pdfium;
  }
  current = createPdfium(heapLimitBytes);
  return current;
}

/** The text of each page, in order. Throws PdfLimitError past a limit, Error for a file PDFium cannot open. */
export async function pdfiumPageTexts(
  bytes: Uint8Array,
  limits: PdfTextLimits = DEFAULT_PDF_TEXT_LIMITS,
): Promise<string[]> {
  const pdfium = await pdfiumFor(limits);
  try {
    return readPages(pdfium, bytes, limits);
  } catch (error) {
    // An abort leaves PDFium's heap in an unknown state: the next file gets a fresh instance.
    current = null;
    if (pdfium.refusedGrowth) {
      throw new PdfLimitError(`extraction needs more than ${limits.maxHeapMb} MB of memory`);
    }
    throw error;
  }
}

function readPages(pdfium: Pdfium, bytes: Uint8Array, limits: PdfTextLimits): string[] {
  const { lib } = pdfium;
  const data = lib.wasmExports.malloc(bytes.length);
  if (!data) throw new PdfLimitError(`a ${bytes.length}-byte file does not fit in ${limits.maxHeapMb} MB`);
  // HEAPU8 is looked up each time: the view is replaced whenever the heap grows.
  lib.HEAPU8.set(bytes, data);
  const document = lib._FPDF_LoadMemDocument(data, bytes.length, 0);
  try {
    if (!document) {
      const code = lib._FPDF_GetLastError();
      throw new Error(LOAD_ERRORS[code] ?? `PDFium error ${code}`);
    }
    const pageCount = lib._FPDF_GetPageCount(document);
    if (pageCount > limits.maxPages) {
      throw new PdfLimitError(`${pageCount} pages (limit ${limits.maxPages})`);
    }
    const pages: string[] = [];
    let chars = 0;
    for (let i = 0; i < pageCount; i++) {
      const text = pageText(pdfium, document, i, limits.maxChars - chars);
      if (text === null) {
        throw new PdfLimitError(
          `text passes ${limits.maxChars.toLocaleString('en-US')} characters (page ${i + 1})`,
        );
      }
      chars += text.length;
      pages.push(text);
    }
    return pages;
  } finally {
    if (document) lib._FPDF_CloseDocument(document);
    lib.wasmExports.free(data);
  }
}

/** One page's text, or null when it is longer than `room` characters. */
function pageText(pdfium: Pdfium, document: number, index: number, room: number): string | null {
  const { lib } = pdfium;
  const page = lib._FPDF_LoadPage(document, index);
  if (!page) throw new Error(`page ${index + 1} cannot be read`);
  const textPage = lib._FPDFText_LoadPage(page);
  try {
    if (!textPage) throw new Error(`page ${index + 1}: its text cannot be read`);
    const count = lib._FPDFText_CountChars(textPage);
    if (count > room) return null;
    if (count <= 0) return '';
    // UTF-16 code units plus the terminating NUL.
    const buffer = lib.wasmExports.malloc((count + 1) * 2);
    try {
      const written = lib._FPDFText_GetText(textPage, 0, count, buffer);
      const units = lib.HEAPU8.subarray(buffer, buffer + Math.max(0, written - 1) * 2);
      return UTF16LE.decode(units).replace(LINE_END, '\n').replace(LINE_END_HYPHEN, '-');
    } finally {
      lib.wasmExports.free(buffer);
    }
  } finally {
    if (textPage) lib._FPDFText_ClosePage(textPage);
    lib._FPDF_ClosePage(page);
  }
}
