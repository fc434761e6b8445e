/**
 * Screenshots of a chapter as a reader sees it, on a desktop (1280 px) and a phone (390 px): the
 * first diagram, the first Try-it block and the widest table, each scrolled to the top of the window,
 * in light mode. For reviewing the site's layout by eye; the browser tests check it.
 *
 *   tsx scripts/site/screenshots.ts [--page 06-api-gateway] [--out test-output/site/screenshots]
 *
 * Needs a built site (npm --workspace website run build) and Debian's Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, BUILD_DIR, ROOT_DIR } from '../../website/site-settings';
import { parseCli, usageError, type CliSpec } from '../lib/cli';
import { launchChromium } from './lib/browser';
import { OUTPUT_DIR } from './lib/site';
import { serveBuild } from './lib/static-server';

const spec: CliSpec = {
  command: 'tsx scripts/site/screenshots.ts',
  summary: 'Writes desktop and phone screenshots of a chapter: a diagram, a Try-it block, a wide table.',
  options: {
    page: { type: 'string', value: '<route>', description: 'the chapter (default 06-api-gateway: it has all three)' },
    out: { type: 'string', value: '<dir>', description: 'where the PNG files go (default test-output/site/screenshots)' },
  },
};

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** What to show, each found on the page by a selector; the widest of several for the table. */
const PARTS = [
  { name: 'diagram', selector: '[data-mermaid-slot]' },
  { name: 'try-it', selector: 'pre code .console-command' },
  { name: 'table', selector: 'article table' },
] as const;

async function main(): Promise<void> {
  const values = parseCli(spec);
  const route = typeof values.page === 'string' ? values.page : '06-api-gateway';
  const out = path.resolve(ROOT_DIR, typeof values.out === 'string' ? values.out : path.join(OUTPUT_DIR, 'screenshots'));
  if (!fs.existsSync(path.join(BUILD_DIR, `${route}.html`))) usageError(spec, `no built page ${route} in ${BUILD_DIR}: build the site first`);
  fs.mkdirSync(out, { recursive: true });
  const server = await serveBuild(BUILD_DIR, BASE_URL);
  const chromium = await launchChromium();
  try {
    for (const viewport of VIEWPORTS) {
      const context = await chromium.browser.newContext({ viewport, colorScheme: 'light', deviceScaleFactor: viewport.name === 'phone' ? 2 : 1 });
      const page = await context.newPage();
      await page.goto(`${server.origin}${BASE_URL}${route}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('html[data-has-hydrated="true"]');
      for (const part of PARTS) {
        const found = await page.evaluate((selector) => {
          const elements = Array.from(document.querySelectorAll<HTMLElement>(selector));
          const element = selector.includes('table') ? elements.sort((a, b) => b.scrollWidth - a.scrollWidth)[0] : elements[0];
          const block = element?.closest('pre, table') ?? element?.parentElement ?? element;
          if (!block) return false;
          // A little of what comes before, as a reader scrolling to it sees it.
          window.scrollTo(0, block.getBoundingClientRect().top + window.scrollY - 80);
          return true;
        }, part.selector);
        if (!found) throw new Error(`/${route} has no ${part.name} (${part.selector})`);
        // Diagrams draw once they come near the screen; fonts and layout settle.
        await page.waitForTimeout(1500);
        const file = path.join(out, `${route}-${part.name}-${viewport.name}.png`);
        await page.screenshot({ path: file });
        console.log(path.relative(ROOT_DIR, file));
      }
      await context.close();
    }
  } finally {
    await chromium.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
