import { deflateSync } from 'node:zlib';

// A decompression bomb in PDF form, as a hostile sender would make it: one Flate-compressed content stream of
// text-drawing operators, tens of megabytes inflated but a few hundred kilobytes on disk, used as the /Contents
// of every page, so a reader inflates and interprets it once per page.

export interface PdfBombShape {
  /** Bytes of the content stream once inflated. */
  streamBytes: number;
  /** Pages that each draw the whole stream. */
  pages: number;
}

const DRAW_TEXT = 'BT /F1 9 Tf 72 720 Td (IMR final determination: UPHELD) Tj ET\n';

export function pdfBomb({ streamBytes, pages }: PdfBombShape): Uint8Array {
  // Buffer.alloc repeats the string to fill the length: the content is made without a 64 MB string in JS.
  const content = deflateSync(Buffer.alloc(streamBytes, DRAW_TEXT, 'latin1'), { level: 9 });
  const pageIds = Array.from({ length: pages }, (_, i) => 5 + i);
  const objects: (string | Buffer)[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    [`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`],
    [`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, content, '\nendstream'],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
    ...pageIds.map(() => [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>',
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      ...body.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF\n',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
