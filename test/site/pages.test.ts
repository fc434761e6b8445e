/**
 * Every page of the built site loads with no console error and no failed request, and axe-core
 * finds no serious or critical violation on it, in light and in dark mode.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { bookPages, drawDiagrams, sitePages, startSite, type RunningSite } from './support/site';

const diagramRoutes = new Set(bookPages().filter((p) => p.hasDiagram).map((p) => p.route));

/** Collects everything that went wrong while a page was open. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

// Two pages at a time: page loads spend much of their time waiting, not computing.
describe('every page of the built site', { concurrency: 2 }, () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.close();
  });

  for (const route of sitePages()) {
    it(`/${route} loads cleanly and passes axe in light and dark mode`, async () => {
      const results: Record<string, string[]> = {};
      for (const colorScheme of ['light', 'dark'] as const) {
        // A fresh context per mode: the site follows the system colour scheme, as a reader's would.
        const context = await site.chromium.browser.newContext({ colorScheme });
        const page = await context.newPage();
        const problems = watch(page);
        try {
          await page.goto(site.url(route), { waitUntil: 'networkidle' });
          assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), colorScheme);
          if (diagramRoutes.has(route)) {
            assert.ok((await drawDiagrams(page)) > 0, 'the page draws a diagram');
          }
          // In dark mode only colours differ, so that pass checks contrast alone.
          results[colorScheme] = await seriousViolations(page, colorScheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined);
          await page.waitForLoadState('networkidle');
          assert.deepEqual(problems, [], `console errors or failed requests in ${colorScheme} mode`);
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(results.light, [], 'axe violations in light mode');
      assert.deepEqual(results.dark, [], 'axe violations in dark mode');
    });
  }

  it('an unknown address answers 404 with the book\'s own 404 page', async () => {
    const response = await fetch(site.url('no-such-chapter'));
    assert.equal(response.status, 404);
    assert.match(await response.text(), /This page is not in the book/);
    const context = await site.chromium.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url('no-such-chapter'), { waitUntil: 'networkidle' });
      assert.equal(await page.locator('h1').textContent(), 'This page is not in the book');
      assert.deepEqual(await seriousViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
