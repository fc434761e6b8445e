/**
 * Prefetching (website/src/client/prefetch-when-idle.ts): a chapter fetches ahead the pages its own
 * text links to, its previous and next among them, and not every page the sidebar lists; pointing
 * at a link still loads that page at once. The module wraps `window.docusaurus`, which Docusaurus
 * does not document: if Docusaurus stops calling it, nothing is prefetched and the first test fails.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readRegistry } from '../../website/src/plugins/page-load';
import { ROOT_DIR, bookPages, startSite, type RunningSite } from './support/site';

/** The chunk holding a book page's content, by the registry Docusaurus generated for this build. */
const registry = readRegistry(path.join(ROOT_DIR, 'website', '.docusaurus'));
function contentChunk(id: string): string {
  const entry = [...registry].find(([, modulePath]) => /(^|\/)book\/([^/]+)\.mdx?$/.exec(modulePath)?.[2] === id);
  assert.ok(entry, `the registry has book/${id}`);
  return entry[0];
}

const ROUTE = '07-dynamodb';

describe('prefetching', () => {
  let site: RunningSite;
  let page: Page;
  let prefetched: string[];
  before(async () => {
    site = await startSite();
    const context = await site.chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(site.url(ROUTE), { waitUntil: 'load' });
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    // Prefetching waits for idle time: scroll the whole chapter past, as a reader would, then let
    // the page go quiet.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await page.waitForTimeout(1500);
    await page.waitForLoadState('networkidle');
    prefetched = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]'), (link) => link.href));
  });
  after(async () => {
    await page?.context().close();
    await site?.close();
  });

  const chunkFetched = (list: string[], chunk: string) => list.some((href) => new RegExp(`/assets/js/${chunk}\\.[0-9a-f]+\\.js$`).test(href));

  it('fetches ahead the pages the chapter links to, next and previous among them', async () => {
    const linked = await page.evaluate(() => {
      const paths = new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href]'), (link) => link.pathname));
      paths.delete(window.location.pathname);
      return [...paths];
    });
    const next = await page.locator('.pagination-nav__link--next').getAttribute('href');
    assert.ok(next && linked.includes(next), `the next page (${next}) is linked from <main>`);
    const ids = bookPages().filter((p) => p.route !== '' && p.route !== ROUTE && linked.some((link) => link.endsWith(`/${p.route}`))).map((p) => p.id);
    assert.ok(ids.length >= 2, `/${ROUTE} links to other chapters: ${ids.join(', ')}`);
    const missing = ids.filter((id) => !chunkFetched(prefetched, contentChunk(id)));
    assert.deepEqual(missing, [], `pages linked from /${ROUTE} whose content was not prefetched (${prefetched.length} prefetch links)`);
  });

  it('does not fetch the pages only the sidebar, navbar or footer lists', async () => {
    const linked = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href]'), (link) => link.pathname));
    const onlyElsewhere = bookPages().filter((p) => p.route !== ROUTE && !linked.some((link) => link.endsWith(`/${p.route}`)));
    assert.ok(onlyElsewhere.length >= 5, 'the sidebar lists pages the chapter does not link to');
    const fetched = onlyElsewhere.filter((p) => chunkFetched(prefetched, contentChunk(p.id))).map((p) => p.id);
    assert.deepEqual(fetched, [], 'prefetched though only the sidebar links to them');
  });

  it('loads a page the reader points at, even one only the sidebar lists', async () => {
    const linked = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href]'), (link) => link.pathname));
    const target = bookPages().find((p) => p.route !== ROUTE && p.route !== '' && !linked.some((link) => link.endsWith(`/${p.route}`)));
    assert.ok(target);
    const chunk = contentChunk(target.id);
    const loaded = page.waitForRequest((request) => new RegExp(`/assets/js/${chunk}\\.[0-9a-f]+\\.js$`).test(request.url()), { timeout: 10_000 });
    await page.locator(`nav.menu a[href$="/${target.route}"]`).first().hover();
    await loaded;
  });
});
