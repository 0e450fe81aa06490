import { describe, expect, it } from 'vitest';
import { binaryReason, decodeLetterBytes } from './decode-letter-bytes';

const LETTER = 'CLINICAL CASE SUMMARY\r\nThe injured worker’s request — “physical therapy” — was denied.\n';

/** A one-page PDF with no text on it (what a scan without OCR looks like to a text extractor). */
function emptyPagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('decodeLetterBytes', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM', async () => {
    const utf8 = Buffer.from(LETTER, 'utf8');
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LETTER, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
    for (const bytes of [
      utf8,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
      utf16le,
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    ]) {
      expect(await decodeLetterBytes(bytes)).toEqual({ ok: true, text: LETTER, kind: 'text' });
    }
  });

  it('falls back to Windows-1252 for text that is not UTF-8', async () => {
    const bytes = Buffer.from([0x93, 0x50, 0x54, 0x94, 0x20, 0xa7, 0x20, 0x39, 0x37, 0x39, 0x32]); // “PT” § 9792
    expect(await decodeLetterBytes(bytes)).toEqual({
      ok: true,
      text: '\u201cPT\u201d \u00a7 9792',
      kind: 'text',
    });
  });

  it('rejects empty, whitespace-only and binary files with a reason', async () => {
    expect(await decodeLetterBytes(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty file' });
    expect(await decodeLetterBytes(Buffer.from(' \r\n\t\n'))).toEqual({
      ok: false,
      reason: 'empty file: only whitespace',
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(await decodeLetterBytes(png)).toEqual({ ok: false, reason: 'binary file: contains NUL bytes' });
  });

  it('tells a text-less PDF and a broken PDF apart', async () => {
    const scan = await decodeLetterBytes(emptyPagePdf());
    expect(scan.ok ? '' : scan.reason).toMatch(/^PDF without text: .*no text layer/);
    const broken = await decodeLetterBytes(Buffer.from('%PDF-1.7\nthis is not really a PDF\n'));
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.reason).toMatch(/^unreadable PDF: /);
  });
});

describe('binaryReason', () => {
  it('accepts text with tabs and form feeds, rejects a text full of control characters', () => {
    expect(binaryReason('Page 1\f\tIMR decision\n')).toBeNull();
    expect(binaryReason(`${'\u0001\u0002\u0003'.repeat(10)}${'a'.repeat(100)}`)).toMatch(
      /^binary file: \d+% control/,
    );
  });
});
