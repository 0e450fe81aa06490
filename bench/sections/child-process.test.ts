import { describe, expect, it } from 'vitest';
import { timeReport } from './child-process';

// The tail /usr/bin/time -v (GNU time 1.9) writes after a command's own stderr.
const REPORT = `  100000 letters and 0 rejected files in 31.2 s (3208 files/s)
	Command being timed: "node packages/server/dist/imr.cjs ingest /work/data/g100k --db /tmp/t.db"
	User time (seconds): 45.10
	System time (seconds): 11.33
	Percent of CPU this job got: 170%
	Maximum resident set size (kbytes): 480956
	File system inputs: 1779824
	File system outputs: 5564784
	Exit status: 0
`;

describe('timeReport', () => {
  it('reads peak RSS, CPU and storage I/O (512-byte units) from /usr/bin/time -v', () => {
    const report = timeReport(REPORT);
    expect(report.peakRssMb).toBeCloseTo(480956 / 1024, 6);
    expect(report.cpuSeconds).toBeCloseTo(56.43, 6);
    expect(report.storageReadBytes).toBe(1779824 * 512);
    expect(report.storageWrittenBytes).toBe(5564784 * 512);
  });

  it('says NaN for what the report does not hold', () => {
    const report = timeReport('imr: no such file\n');
    expect(Object.values(report).every(Number.isNaN)).toBe(true);
  });
});
