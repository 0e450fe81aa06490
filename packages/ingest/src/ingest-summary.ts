import type { IngestReport } from './ingest-progress';

// The end-of-run summary the CLI prints: letters and other files counted apart (a rejected file is not a
// letter), why files were rejected, the first few by name and how to list them all, and how fast.

export interface SummaryOptions {
  /** 'ingested' or 'reparsed'. */
  verb?: string;
  /** The `--db` a follow-up `imr query` needs to list every rejected file (omitted: the default store). */
  db?: string;
}

/** The `imr query` that lists rejected files with their reasons. */
export function listRejectedCommand(db?: string): string {
  const store = db ? ` --db ${db.includes(' ') ? JSON.stringify(db) : db}` : '';
  return `pnpm --silent imr query${store} '{ ingestErrors(first: 100) { totalCount edges { node { file reason createdAt } } } }'`;
}

export function formatIngestSummary(report: IngestReport, options: SummaryOptions = {}): string {
  const width = 20;
  const row = (label: string, n: number) => `  ${label.padEnd(width)}${String(n).padStart(9)}`;
  const letters = report.stored + report.alreadyPresent + report.updated + report.superseded;
  const lines = [
    `${options.verb ?? 'ingested'} (run ${report.runId}, parser ${report.parserVersion}):`,
    row('letters stored', report.stored),
    row('already present', report.alreadyPresent),
    row('updated', report.updated),
    // Shown only when it happened: most corpora have one letter per case number.
    ...(report.superseded > 0
      ? [
          `${row('superseded', report.superseded)}  (a letter with the same case number and a later decision is kept)`,
        ]
      : []),
    row('files rejected', report.rejected),
  ];
  for (const { reason, count } of report.rejections)
    lines.push(`    ${String(count).padStart(7)}  ${reason}`);
  if (report.skipped > 0)
    lines.push(`${row('files skipped', report.skipped)}  (not .txt, .md, .html or .pdf)`);
  const files = letters + report.rejected;
  const rate = report.seconds > 0 ? Math.round(files / report.seconds) : 0;
  lines.push(
    `  ${letters} letters and ${report.rejected} rejected files in ${report.seconds.toFixed(1)} s (${rate} files/s)`,
  );
  if (report.rejected > 0) {
    const shown = report.firstRejected;
    lines.push(
      shown.length < report.rejected ? `  first ${shown.length} rejected files:` : '  rejected files:',
    );
    for (const { file, reason } of shown) lines.push(`    ${file}: ${reason}`);
    lines.push(`  every rejected file with its reason: ${listRejectedCommand(options.db)}`);
  }
  return lines.join('\n');
}
