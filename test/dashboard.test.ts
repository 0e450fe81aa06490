import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../packages/dashboard/build-dashboard';
import { ensureSampleStore } from '../packages/server/src/cli/commands/start.command';
import { type RunningServer, serve } from '../packages/server/src/main';
import { ARTIFACTS, CHROMIUM, chromiumPresent, launchChromium } from './headless-chromium';

// The dashboard end to end: the built page served by the real server over the five ingested seed letters,
// driven in Debian's headless Chromium. Screenshots of each view go to test-artifacts/ for a human to look at.

const hasChromium = chromiumPresent('dashboard e2e');

let dir: string;
let running: RunningServer;
let origin: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function categoryTotal(): Promise<string> {
  const total = page.getByTestId('category-total');
  await total.waitFor();
  return (await total.textContent()) ?? '';
}

function categoryRow(category: string) {
  return page.locator('#panel-category tbody tr', { hasText: category });
}

describe.skipIf(!hasChromium)(
  `dashboard in headless Chromium${hasChromium ? '' : ` (skipped: no ${CHROMIUM})`}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'imr-dashboard-'));
      const target = join(dir, 'imr.db');
      await ensureSampleStore(target);
      // Built into this test's own folder from the current sources, as `pnpm build` builds it.
      const dashboardDist = join(dir, 'dashboard');
      await buildDashboard(dashboardDist);
      running = await serve({ target, port: 0, host: '127.0.0.1', app: { dashboardDist } });
      origin = new URL(running.url).origin;
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('shows the overturn rate by category with its counts as text', async () => {
      await page.goto(`${origin}/`);
      expect(await categoryTotal()).toMatch(/^9 items, 1 overturned \(11\.1%/);
      await expect.poll(() => categoryRow('PHYSICAL_MEDICINE').textContent()).toContain('1 of 8');
      // Every panel finishes loading: none left busy, none in error.
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      expect(await page.locator('.status.error').count()).toBe(0);
      expect(await page.locator('#panel-category svg').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('days-figures').textContent()).toMatch(/Median\d+ days/);
      expect(await page.locator('#panel-items tbody tr').count()).toBe(9);
      expect(await page.locator('#panel-specialties tbody tr').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-all.png'), fullPage: true });
    });

    it('a filter changes every number and lives in the URL', async () => {
      await page.getByLabel('Category', { exact: true }).selectOption('PHYSICAL_MEDICINE');
      await expect.poll(() => page.url()).toContain('category=PHYSICAL_MEDICINE');
      await expect.poll(categoryTotal).toMatch(/^8 items, 1 overturned/);
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      expect(await page.locator('#panel-items tbody tr').count()).toBe(8);
      // The URL alone restores the view (a shared link).
      await page.goto(page.url());
      expect(await categoryTotal()).toMatch(/^8 items, 1 overturned/);
      expect(await page.getByLabel('Category', { exact: true }).inputValue()).toBe('PHYSICAL_MEDICINE');
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-physical-medicine.png'), fullPage: true });
    });

    it("the query link opens GraphiQL with the panel's exact operation and variables", async () => {
      const href = await page.locator('#panel-category .query-link').getAttribute('href');
      expect(href).toMatch(/^\/graphql\?/);
      const params = new URL(href ?? '', origin).searchParams;
      const query = params.get('query') ?? '';
      const variables = JSON.parse(params.get('variables') ?? 'null') as Record<string, unknown>;
      expect(query).toContain('query ItemStats(');
      expect(variables).toMatchObject({ filter: { category: ['PHYSICAL_MEDICINE'] }, groupBy: ['CATEGORY'] });
      // The same operation, run as the link carries it, gives the numbers the panel drew.
      const answer = (await (
        await fetch(running.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data: { itemStats: { total: { count: number; overturned: number } } } };
      expect(answer.data.itemStats.total).toMatchObject({ count: 8, overturned: 1 });
      // GraphiQL opens on that link with nothing beyond loopback (test/graphiql.test.ts runs it in full).
      const graphiql = await browser.newPage();
      await graphiql.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      const response = await graphiql.goto(`${origin}${href}`);
      expect(response?.headers()['content-type']).toContain('text/html');
      expect(await graphiql.content()).toContain('YogaGraphiQL');
      await graphiql.locator('.graphiql-query-editor').waitFor({ timeout: 60_000 });
      await graphiql.screenshot({ path: join(ARTIFACTS, 'dashboard-query-link-graphiql.png') });
      await graphiql.close();
    });

    it('draws counts in whole numbers, months in one format and category labels whole', async () => {
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      const countTicks = await page
        .locator(
          [
            '#panel-specialties [aria-label="x-axis tick label"] text',
            '#panel-drug-class [aria-label="x-axis tick label"] text',
            '#panel-cited-pages [aria-label="x-axis tick label"] text',
          ].join(', '),
        )
        .allTextContents();
      // The month panel's first chart counts items; its second is the overturn rate in percent.
      const monthCounts = page
        .locator('#panel-month svg')
        .first()
        .locator('[aria-label="y-axis tick label"] text');
      countTicks.push(...(await monthCounts.allTextContents()));
      expect(countTicks.length).toBeGreaterThan(8);
      expect(countTicks.filter((tick) => !/^\d+$/.test(tick))).toEqual([]);
      const monthTicks = await page
        .locator('#panel-month [aria-label="x-axis tick label"] text')
        .allTextContents();
      expect(monthTicks).toEqual(['2014-11', '2014-11']);
      // A label that starts left of its chart is cut off.
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll('#panels [aria-label="y-axis tick label"] text')]
          .filter((text) => {
            const svg = text.closest('svg');
            return svg && text.getBoundingClientRect().left < svg.getBoundingClientRect().left - 0.5;
          })
          .map((text) => text.textContent),
      );
      expect(cut).toEqual([]);
    });

    it('searches rationales with highlighted snippets', async () => {
      await page.goto(`${origin}/`);
      await page.getByLabel('Search rationales').fill('functional improvement');
      await page.getByLabel('Search rationales').press('Enter');
      await page.locator('#panel-items mark').first().waitFor();
      expect(await page.locator('#panel-items').textContent()).toMatch(
        /\d+ matches for "functional improvement"/,
      );
      expect(page.url()).toContain('q=functional+improvement');
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-search.png'), fullPage: true });
    });

    it('opens a case from the items table with its letter text', async () => {
      await page.goto(`${origin}/`);
      await page.locator('#panel-items').getByRole('button', { name: 'CM14-0166055' }).click();
      const dialog = page.getByRole('dialog', { name: 'Case CM14-0166055' });
      await dialog.locator('.letter-text').waitFor();
      expect(await dialog.locator('.letter-text').textContent()).toContain('CM14-0166055');
      expect(await dialog.locator('li').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-case.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    });

    it('is keyboard reachable: Tab reaches the filters, the query links and the search box', async () => {
      await page.goto(`${origin}/`);
      await categoryTotal();
      const reached = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        reached.add(
          await page.evaluate(() => {
            const active = document.activeElement;
            if (!active) return '';
            const name = active.getAttribute('name') ?? active.getAttribute('class') ?? '';
            return `${active.tagName.toLowerCase()}:${name}:${active.closest('section')?.id ?? ''}`;
          }),
        );
      }
      expect(reached).toContain('select:category:');
      expect(reached).toContain('a:query-link:panel-category');
      expect(reached).toContain('input:q:panel-items');
    });

    it('fits a phone screen: no sideways scrolling of the page', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(`${origin}/`);
      await phone.getByTestId('category-total').waitFor();
      await phone.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await phone.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
      await phone.close();
    });

    it('shows an error state when a filter value is not one the API knows', async () => {
      await page.goto(`${origin}/?category=NOT_A_CATEGORY`);
      await page.locator('#panel-category .status.error').waitFor();
      expect(await page.locator('#panel-category .status.error').textContent()).toContain('NOT_A_CATEGORY');
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-error.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    });
  },
);
