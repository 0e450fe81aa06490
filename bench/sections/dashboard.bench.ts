import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildDashboard } from '../../packages/dashboard/build-dashboard';
import { DASHBOARD_DIST } from '../../packages/server/src/server-root';
import { type BenchFigure, type BenchSection, median } from '../bench-types';
import { withWarmServer } from './server-process';

// The dashboard's first load in headless Chromium: navigation until every panel has drawn (none busy, the
// category totals shown), over the store the ingest section made. The server has finished its start-up work
// (the stats cube) but its response cache is cold; a second load in a fresh page shows the cached case.

const CHROMIUM = '/usr/bin/chromium';

async function timeLoad(url: string): Promise<number> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = performance.now();
    await page.goto(url);
    await page.getByTestId('category-total').waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-busy="true"]').length === 0,
      undefined,
      {
        timeout: 120_000,
      },
    );
    const ms = performance.now() - started;
    const errors = await page.locator('.status.error').count();
    if (errors > 0) throw new Error(`the dashboard drew ${errors} panels in error`);
    return ms;
  } finally {
    await browser.close();
  }
}

export const dashboardSection: BenchSection = {
  name: 'dashboard',
  async run(options, shared) {
    if (!shared.dbPath) throw new Error('the dashboard section needs a store: run the ingest section first');
    if (!existsSync(CHROMIUM)) {
      options.log(`dashboard skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
      return [];
    }
    // The page as `pnpm build` makes it, from the current sources, where `imr serve` serves it.
    await buildDashboard(DASHBOARD_DIST);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < Math.min(options.runs, 3); run++) {
      await withWarmServer(shared.dbPath, [], async (server) => {
        const origin = new URL(server.url).origin;
        cold.push(await timeLoad(`${origin}/`));
        warm.push(await timeLoad(`${origin}/`));
      });
    }
    const figures: BenchFigure[] = [
      {
        section: 'dashboard',
        name: 'first load to every panel drawn (fresh server, cold response cache)',
        value: Math.round(median(cold)),
        unit: 'ms',
        runs: cold.map(Math.round),
      },
      {
        section: 'dashboard',
        name: 'load to every panel drawn, answers cached',
        value: Math.round(median(warm)),
        unit: 'ms',
        runs: warm.map(Math.round),
      },
    ];
    return figures;
  },
};
