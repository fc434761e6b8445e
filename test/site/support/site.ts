/**
 * What the browser tests know about the built site: its pages and HTML, and a running server plus
 * browser for the build. The book's pages come from the site tools (scripts/site/lib/site.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, type LaunchedBrowser } from '../../../scripts/site/lib/browser';
import { serveBuild, type StaticServer } from '../../../scripts/site/lib/static-server';
import { BASE_URL, BOOK_DIR, BUILD_DIR, CODE_DIR, REPO, REPO_URL, ROOT_DIR, SITE_URL } from '../../../website/site-settings';

export { BASE_URL, BOOK_DIR, BUILD_DIR, CODE_DIR, REPO, REPO_URL, ROOT_DIR };
export { bookPages, OUTPUT_DIR, type BookPage } from '../../../scripts/site/lib/site';

/** Every route in the built sitemap, relative to the base URL, plus the search page. */
export function sitePages(): string[] {
  const sitemap = path.join(BUILD_DIR, 'sitemap.xml');
  if (!fs.existsSync(sitemap)) {
    throw new Error(`No built site in ${BUILD_DIR}: run "npm --workspace website run build" first`);
  }
  const prefix = `${SITE_URL}${BASE_URL}`;
  const routes = [...fs.readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const loc = m[1]!;
    if (!loc.startsWith(prefix)) throw new Error(`Sitemap entry ${loc} is not under ${prefix}`);
    return loc.slice(prefix.length);
  });
  return [...new Set([...routes, 'search'])].sort();
}

/** The built HTML of a route. */
export function builtHtml(route: string): string {
  const file = route === '' ? 'index.html' : `${route}.html`;
  return fs.readFileSync(path.join(BUILD_DIR, file), 'utf8');
}

export interface RunningSite {
  server: StaticServer;
  chromium: LaunchedBrowser;
  url(route: string): string;
  close(): Promise<void>;
}

export async function startSite(): Promise<RunningSite> {
  const server = await serveBuild(BUILD_DIR, BASE_URL);
  let chromium: LaunchedBrowser;
  try {
    chromium = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    chromium,
    url: (route) => `${server.url}${route}`,
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

/** The files of a chapter folder as the "What changed" block compares them (relative paths). */
export function chapterFiles(folder: string): Map<string, Buffer> {
  const skip = new Set(['node_modules', '.serverless', '.esbuild', '.build', 'dist', 'coverage', '.dynamodb', 'test-output', '.DS_Store', 'package-lock.json', 'exercises']);
  const files = new Map<string, Buffer>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name) || entry.name.endsWith('.log') || entry.name.endsWith('.tsbuildinfo')) continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile()) files.set(rel, fs.readFileSync(path.join(dir, entry.name)));
    }
  };
  walk(path.join(CODE_DIR, folder), '');
  return files;
}

/**
 * Brings each diagram to the screen in turn (they are drawn on approach) and waits until it is
 * drawn; fails naming the diagram that Mermaid could not draw.
 */
export async function drawDiagrams(page: import('playwright-core').Page): Promise<number> {
  const slots = await page.locator('[data-mermaid-slot]').all();
  for (const [index, slot] of slots.entries()) {
    await slot.scrollIntoViewIfNeeded();
    try {
      await slot.locator('.docusaurus-mermaid-container svg').first().waitFor({ timeout: 30_000 });
    } catch {
      const text = ((await slot.textContent()) ?? '').trim().slice(0, 300);
      throw new Error(`diagram ${index + 1} of ${slots.length} was not drawn${text ? `: ${text}` : ''}`);
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return slots.length;
}
