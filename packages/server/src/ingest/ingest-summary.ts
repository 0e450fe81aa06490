import type { IngestReport } from './ingest-progress';

// The end-of-run summary the CLI prints: what happened to every file, and how fast.

export function formatIngestSummary(report: IngestReport, verb = 'ingested'): string {
  const width = 18;
  const row = (label: string, n: number) => `  ${label.padEnd(width)}${String(n).padStart(9)}`;
  const lines = [
    `${verb} (run ${report.runId}, parser ${report.parserVersion}):`,
    row('stored', report.stored),
    row('already present', report.alreadyPresent),
    row('updated', report.updated),
    row('rejected', report.rejected),
  ];
  for (const { reason, count } of report.rejections)
    lines.push(`    ${String(count).padStart(7)}  ${reason}`);
  if (report.skipped > 0) lines.push(`${row('skipped', report.skipped)}  (unsupported extension)`);
  const settled = report.stored + report.alreadyPresent + report.updated + report.rejected;
  lines.push(
    `  ${settled} letters in ${report.seconds.toFixed(1)} s (${Math.round(report.lettersPerSecond)} letters/s)`,
  );
  if (report.rejected > 0)
    lines.push(`  rejected files and reasons: table ingest_errors, run_id ${report.runId}`);
  return lines.join('\n');
}
