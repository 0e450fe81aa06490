import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

// Debian's Chromium for the browser tests, launched the one way they all need: headless, as root (no sandbox),
// and without its background connections, which this machine's closed network refuses many at a time.

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots and rendered pages for a person to look at (git-ignored). */
export const ARTIFACTS = join(import.meta.dirname, '../test-artifacts');

/**
 * Whether Chromium is installed. Under CI a missing one is an error (.ci/run installs it or fails): a browser test
 * never skips silently there; elsewhere the skip is said.
 */
export function chromiumPresent(testName: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(`${testName}: ${CHROMIUM} is absent under CI (apt-get install -y chromium)`);
  console.warn(`${testName} skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
