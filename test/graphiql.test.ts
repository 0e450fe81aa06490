import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleStore } from '../packages/server/src/cli/commands/start.command';
import { type RunningServer, serve } from '../packages/server/src/main';
import { ARTIFACTS, chromiumPresent, launchChromium } from './headless-chromium';

// GraphiQL as a user without internet access meets it: the real server over the seed letters, Debian's headless
// Chromium, and every request to a host other than the loopback one refused. GraphiQL must render from the
// installed packages alone, open with the example operations and run one. Screenshots go to test-artifacts/.

const hasChromium = chromiumPresent('GraphiQL e2e');

/** Text as read: Monaco lays code out with non-breaking spaces. */
async function textOf(locator: ReturnType<Page['locator']>): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
}

let dir: string;
let running: RunningServer;
let browser: Browser;
let page: Page;
const offHostRequests: string[] = [];
const pageErrors: string[] = [];

describe.skipIf(!hasChromium)(
  `GraphiQL offline in headless Chromium${hasChromium ? '' : ' (skipped)'}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'imr-graphiql-'));
      const target = join(dir, 'imr.db');
      await ensureSampleStore(target);
      running = await serve({ target, port: 0, host: '127.0.0.1' });
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      // Everything but the loopback server is refused, and noted: the page must need none of it.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1')
          return route.continue();
        offHostRequests.push(url.href);
        return route.abort('internetdisconnected');
      });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });

    afterAll(async () => {
      await browser?.close();
      await running?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('renders from the installed packages with the example operations', async () => {
      const response = await page.goto(running.url.replace('localhost', '127.0.0.1'));
      expect(response?.status()).toBe(200);
      const editor = page.locator('.graphiql-query-editor');
      await editor.waitFor({ timeout: 60_000 });
      await expect
        .poll(() => textOf(editor), { timeout: 60_000 })
        .toContain('query OverturnRateByCategory {');
      expect(await textOf(editor)).toContain('query OpioidRequestsByYear {');
      await page.screenshot({ path: join(ARTIFACTS, 'graphiql-examples.png') });
      expect(offHostRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('runs an example operation and shows its answer', async () => {
      await page.locator('.graphiql-execute-button').click();
      // Several operations in the editor: the button offers a menu of them.
      await page.getByRole('menuitem', { name: 'OverturnRateByCategory' }).click();
      const result = page.locator('.graphiql-response');
      await expect.poll(() => textOf(result), { timeout: 60_000 }).toContain('"overturnRate"');
      const text = await textOf(result);
      expect(text).toContain('PHYSICAL_MEDICINE');
      expect(text).not.toContain('"errors"');
      await page.screenshot({ path: join(ARTIFACTS, 'graphiql-result.png') });
      expect(offHostRequests).toEqual([]);
    });
  },
);
