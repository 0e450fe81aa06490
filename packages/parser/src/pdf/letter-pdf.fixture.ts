import PDFDocument from 'pdfkit';

// Typesets letter text into a PDF with pdfkit, the way a word processor would print it (long lines wrap at
// the page margin, pages break on their own), so the tests can feed parseLetterPdf real PDF bytes.

function collect(document: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
    document.end();
  });
}

/** A PDF whose text layer is `text`, one paragraph per input line (blank lines kept as spacing). */
export function letterPdf(text: string): Promise<Uint8Array> {
  const document = new PDFDocument({ size: 'LETTER', margin: 54, info: { CreationDate: new Date(0) } });
  document.font('Helvetica').fontSize(10);
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim().length === 0) document.moveDown(0.5);
    // pdfkit's standard fonts cannot encode tabs: a printed tab is white space.
    else document.text(line.replace(/\t/g, '    ').trim());
  }
  return collect(document);
}

/** A PDF with drawings but no text layer, like a scanned letter. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  const document = new PDFDocument({ size: 'LETTER', info: { CreationDate: new Date(0) } });
  document.rect(72, 72, 200, 100).fill('#777777');
  return collect(document);
}
