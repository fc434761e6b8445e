/**
 * The book as one PDF, printed from the built site by Debian's Chromium:
 * website/build/rate-the-ride.pdf, which deploys with the site. Run it after `npm run build`:
 *
 *   npm run pdf            (tsx scripts/pdf/build.ts)
 *
 * It serves website/build as the site tests do, takes each page of the book in the sidebar's order
 * as the browser prints it (lib/collect.ts), puts them in one document after a cover and the
 * contents (lib/compose.ts, book.css), checks that nothing runs off the page, prints it once to
 * learn the page each chapter and section starts on (lib/pdf-file.ts reads the PDF's named
 * destinations), writes those numbers into the contents and prints it again, with bookmarks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { formatSeconds, numberOption, parseCli, type CliSpec } from '../lib/cli';
import { launchChromium } from '../site/lib/browser';
import { serveBuild } from '../site/lib/static-server';
import { BASE_URL, BUILD_DIR, ROOT_DIR, SITE_URL } from '../../website/site-settings';
import { collectPages, inPage, type CollectedPage, type CollectTarget } from './lib/collect';
import { arrange, bookHtml, EDITION, PAGE_NUMBER_ATTRIBUTE, PDF_NAME, pageKey, type Cover } from './lib/compose';
import { PdfFile } from './lib/pdf-file';
import { bookParts, isDraftPage, problemRoutes } from './lib/reading-order';

/** The content box of an A4 page with book.css's margins (210 mm less 2 × 17 mm), in CSS pixels. */
const COLUMN_PX = Math.floor(((210 - 2 * 17) / 25.4) * 96);

const spec: CliSpec = {
  command: 'tsx scripts/pdf/build.ts',
  summary: `Prints the whole book from the built site (website/build) into website/build/${PDF_NAME}: a cover, the contents with page numbers and links, every written page in the sidebar's order, then the API's problem types.`,
  options: {
    out: { type: 'string', value: '<file>', description: `write the PDF here (default: website/build/${PDF_NAME})` },
    html: { type: 'string', value: '<file>', description: 'also write the HTML the PDF is printed from' },
    tabs: { type: 'string', value: '<n>', description: 'pages loaded at a time (default 2)' },
  },
};

/** The subtitle is the site's tagline (website/docusaurus.config.ts), read as text. */
function tagline(): string {
  const config = fs.readFileSync(path.join(ROOT_DIR, 'website', 'docusaurus.config.ts'), 'utf8');
  const match = /\btagline:\s*'([^']+)'/.exec(config);
  if (!match) throw new Error('website/docusaurus.config.ts: no tagline found for the cover');
  return match[1]!;
}

function commit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function builtHtml(route: string): string {
  const file = route === '' ? 'index.html' : `${route}.html`;
  return fs.readFileSync(path.join(BUILD_DIR, file), 'utf8');
}

/**
 * Fails naming every block wider than the column, every diagram drawn without its styles and every
 * internal link with no target.
 */
async function checkLayout(page: Page): Promise<void> {
  const problems = await inPage(page, (column: number) => {
    const found: string[] = [];
    const where = (el: Element) => {
      const chapter = el.closest('article.chapter')?.id ?? 'front matter';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `${chapter}: <${el.tagName.toLowerCase()}> "${text}"`;
    };
    for (const el of Array.from(document.querySelectorAll('article.chapter pre, article.chapter table, article.chapter svg, article.chapter img'))) {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      if (el.parentElement?.closest('svg')) continue;
      const box = el.getBoundingClientRect();
      const overflows = el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1;
      if (box.right > column + 1 || overflows) found.push(`${where(el)} is wider than the page (${Math.round(box.width)} px)`);
    }
    // A diagram whose style sheet did not apply draws its boxes black.
    for (const svg of Array.from(document.querySelectorAll('.docusaurus-mermaid-container svg'))) {
      const shapes = Array.from(svg.querySelectorAll('.node rect, .node polygon, .node path, .node circle'));
      if (shapes.some((shape) => getComputedStyle(shape).fill === 'rgb(0, 0, 0)')) found.push(`${where(svg)}: a diagram is drawn without its styles (black boxes)`);
    }
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
      const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
      if (!document.getElementById(id)) found.push(`${where(a)} links to #${id}, which is not in the PDF`);
    }
    if (document.documentElement.scrollWidth > column + 1) found.push(`the document is ${document.documentElement.scrollWidth} px wide, the column ${column} px`);
    return found;
  }, COLUMN_PX);
  if (problems.length) throw new Error(`The PDF's layout has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
}

async function print(page: Page, outline: boolean): Promise<Buffer> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, outline, tagged: outline });
}

async function main(): Promise<void> {
  const values = parseCli(spec);
  const out = typeof values.out === 'string' ? path.resolve(values.out) : path.join(BUILD_DIR, PDF_NAME);
  const tabs = numberOption(spec, values, 'tabs', 2, true);
  const started = Date.now();

  const parts = bookParts();
  const problems = problemRoutes(BUILD_DIR, BASE_URL);
  const targets: CollectTarget[] = [
    ...parts
      .flatMap((part) => part.chapters)
      .filter((chapter) => !isDraftPage(builtHtml(chapter.route)))
      .map((chapter) => ({ route: chapter.route, key: pageKey(chapter.route), demote: false })),
    ...problems.map((route, index) => ({ route, key: pageKey(route), demote: index > 0 })),
  ];
  const keys = Object.fromEntries(targets.map((target) => [target.route, target.key]));
  const publishedBase = `${SITE_URL}${BASE_URL}`;

  const server = await serveBuild(BUILD_DIR, BASE_URL);
  const chromium = await launchChromium();
  try {
    const scripts = await chromium.browser.newContext({ viewport: { width: 1000, height: 1400 }, colorScheme: 'light' });
    const noScripts = await chromium.browser.newContext({ viewport: { width: 1000, height: 1400 }, colorScheme: 'light', javaScriptEnabled: false });
    const collected = await collectPages({ scripts, static: noScripts }, targets, { localBase: server.url, publishedBase, keys }, builtHtml, tabs);
    const collectedAt = Date.now();
    const drafts = parts.flatMap((part) => part.chapters).filter((chapter) => !keys[chapter.route]);

    const byRoute = new Map<string, CollectedPage>(collected.map((page) => [page.route, page]));
    const cover: Cover = {
      title: 'Rate the Ride',
      subtitle: tagline(),
      edition: EDITION,
      siteUrl: publishedBase,
      logo: `${server.url}img/logo.svg`,
      commit: commit(),
    };
    const html = bookHtml({
      cover,
      parts: arrange(parts, byRoute, problems.map((route) => byRoute.get(route)!), publishedBase),
      styleSheets: collected.flatMap((page) => page.styleSheets),
      inlineStyles: collected.flatMap((page) => page.inlineStyles),
    });
    if (typeof values.html === 'string') fs.writeFileSync(path.resolve(values.html), html);

    // Laid out at the width of the page's column, so the checks see the lines as printed.
    const book = await scripts.newPage();
    await book.setViewportSize({ width: COLUMN_PX, height: 1100 });
    await book.emulateMedia({ media: 'print', colorScheme: 'light' });
    await book.setContent(html, { waitUntil: 'load' });
    await checkLayout(book);

    // First print: where each chapter and section starts.
    const first = new PdfFile(await print(book, false));
    const destinations = first.namedDestinations();
    const numbers = await inPage(
      book,
      ({ attribute, pages }: { attribute: string; pages: Record<string, number> }) => {
        const missing: string[] = [];
        for (const span of Array.from(document.querySelectorAll(`[${attribute}]`))) {
          const page = pages[span.getAttribute(attribute)!];
          if (page === undefined) missing.push(span.getAttribute(attribute)!);
          else span.textContent = String(page + 1);
        }
        return missing;
      },
      { attribute: PAGE_NUMBER_ATTRIBUTE, pages: Object.fromEntries(destinations) },
    );
    if (numbers.length) throw new Error(`No page found in the first print for: ${numbers.join(', ')}`);

    // Second print, with the numbers and bookmarks; the numbers must not have moved anything.
    const pdf = await print(book, true);
    const second = new PdfFile(pdf);
    const secondDestinations = second.namedDestinations();
    const moved = [...destinations].filter(([name, page]) => secondDestinations.get(name) !== page);
    if (second.pageCount !== first.pageCount || moved.length) {
      throw new Error(`Filling in the page numbers moved the layout (${first.pageCount} → ${second.pageCount} pages; moved: ${moved.map(([n]) => n).join(', ')})`);
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, pdf);
    const diagrams = collected.reduce((sum, page) => sum + page.diagrams, 0);
    console.log(
      `pdf: ${path.relative(process.cwd(), out)}, ${second.pageCount} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MiB, ${collected.length} site pages, ${diagrams} diagrams, ${drafts.length} drafts left out; ` +
        `${formatSeconds(Date.now() - started)} (pages ${formatSeconds(collectedAt - started)}, printing ${formatSeconds(Date.now() - collectedAt)})`,
    );
  } finally {
    await chromium.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`pdf: ${(error as Error).message}`);
  process.exitCode = 1;
});
