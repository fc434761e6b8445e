/**
 * Takes each page of the book from the built site, as a browser shows it when printing: diagrams
 * drawn and "What changed" open with its diffs (website/src/components/print.ts does both when the
 * print media query matches), answers and other collapsed blocks open, light mode.
 *
 * A page comes back as the HTML of its prose only (no navbar, sidebar, breadcrumbs, table of
 * contents, footer or buttons), with its ids and links rewritten for one document that holds
 * every page: an id gets its page's key in front ("07-dynamodb--the-table"), a link to a page in
 * the PDF becomes a link inside it, and a link to any other page of the site goes to the published
 * site.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface CollectTarget {
  /** Route below the base URL. */
  route: string;
  /** The page's key in the one document: its id prefix and the id of its start. */
  key: string;
  /** Headings one level down (a problem type inside the part that lists them). */
  demote: boolean;
}

export interface CollectedPage {
  route: string;
  key: string;
  /** The page's heading as the site shows it ("7. Storing ratings in DynamoDB"). */
  title: string;
  html: string;
  /** Its second-level headings: the key-prefixed id and the text. */
  sections: { id: string; text: string }[];
  /** Style sheets the page uses: addresses and inline style elements. */
  styleSheets: string[];
  inlineStyles: string[];
  diagrams: number;
}

export interface CollectOptions {
  /** http://127.0.0.1:PORT/base/ of the local server. */
  localBase: string;
  /** The published site's address with its base (https://…/rate-the-ride/). */
  publishedBase: string;
  /** Route → key of every page the PDF holds. */
  keys: Record<string, string>;
}

const DRAWN_TIMEOUT_MS = 60_000;

/**
 * `page.evaluate` for a function of this file's: tsx keeps function names with a `__name` helper
 * that exists in Node.js only, so the page gets the function's source with a stand-in for it.
 */
export function inPage<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`) as Promise<R>;
}

/** Whether a built page needs its scripts to be printed whole: it draws diagrams or shows "What changed". */
export function needsScripts(html: string): boolean {
  return /data-mermaid-slot|data-what-changed/.test(html);
}

/**
 * Loads a page and waits until it is ready to print. With scripts, that is once it has hydrated
 * and, under print media, every diagram is drawn and every "What changed" file shows its diff.
 */
async function load(page: Page, url: string, scripts: boolean): Promise<void> {
  await page.goto(url, { waitUntil: scripts ? 'load' : 'domcontentloaded' });
  if (!scripts) return;
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('[data-mermaid-slot]')).every((slot) => slot.querySelector('.docusaurus-mermaid-container svg')) &&
      Array.from(document.querySelectorAll<HTMLDetailsElement>('[data-what-changed] details[data-path]')).every(
        (details) => details.open && details.querySelector(':scope > pre, :scope > p:not(:empty)') && !/^Loading/.test(details.querySelector(':scope > p')?.textContent ?? ''),
      ),
    undefined,
    { timeout: DRAWN_TIMEOUT_MS, polling: 100 },
  );
}

/** Runs in the page: cuts out the prose and rewrites it for the one document. */
function extract(args: { target: CollectTarget; options: CollectOptions }): Omit<CollectedPage, 'route' | 'key'> {
  const { target, options } = args;
  const root = document.querySelector('article .theme-doc-markdown') ?? document.querySelector('main article.markdown, main .markdown');
  if (!root) throw new Error(`no prose found on ${location.pathname}`);
  const clone = root.cloneNode(true) as HTMLElement;

  // Chrome that means nothing on paper.
  clone.querySelectorAll('button, .hash-link, .theme-doc-toc-mobile, .theme-doc-breadcrumbs, .theme-doc-footer, dialog, [data-diagram-full]').forEach((el) => el.remove());
  // Everything collapsed is printed open: answers to exercises, notes, "What changed".
  clone.querySelectorAll('details').forEach((details) => {
    details.setAttribute('open', '');
    details.removeAttribute('data-collapsed');
    details.querySelectorAll<HTMLElement>(':scope > div').forEach((div) => div.removeAttribute('style'));
  });
  // Images by their full address (the document is not served from the site's base).
  clone.querySelectorAll('img').forEach((img) => {
    img.setAttribute('src', (img as HTMLImageElement).src);
    img.removeAttribute('srcset');
    img.removeAttribute('loading');
  });

  // Each diagram's ids (which its own styles and arrowheads use) get the page's key, so two
  // diagrams from different pages never share one. After the id, not before: its styles select
  // it as `#id`, and a CSS id selector cannot start with a digit ("07-dynamodb").
  const svgs = Array.from(clone.querySelectorAll('svg[id]'));
  for (const svg of svgs) {
    if (!svg.id) continue;
    const renamed = svg.outerHTML.split(svg.id).join(`${svg.id}-in-${target.key}`);
    const holder = document.createElement('div');
    holder.innerHTML = renamed;
    svg.replaceWith(holder.firstElementChild!);
  }
  const inSvg = (el: Element) => el.closest('svg') !== null;

  // Ids outside diagrams get the page's key.
  clone.querySelectorAll('[id]').forEach((el) => {
    if (!inSvg(el)) el.id = `${target.key}--${el.id}`;
  });
  clone.querySelectorAll('[aria-labelledby]').forEach((el) => {
    el.setAttribute('aria-labelledby', `${target.key}--${el.getAttribute('aria-labelledby')}`);
  });

  // Links: inside the document where the page is in it, else to the published site.
  const local = new URL(options.localBase);
  clone.querySelectorAll('a[href]').forEach((a) => {
    if (inSvg(a)) return;
    const url = new URL(a.getAttribute('href')!, location.href);
    a.removeAttribute('target');
    a.removeAttribute('rel');
    if (url.origin !== local.origin) return;
    if (!url.pathname.startsWith(local.pathname)) return;
    const route = decodeURIComponent(url.pathname.slice(local.pathname.length)).replace(/\.html$/, '').replace(/\/$/, '');
    const key = options.keys[route];
    if (key !== undefined) {
      a.setAttribute('href', `#${url.hash ? `${key}--${decodeURIComponent(url.hash.slice(1))}` : key}`);
    } else {
      a.setAttribute('href', `${options.publishedBase}${route}${url.hash}`);
    }
  });

  if (target.demote) {
    // A problem type's page opens with a line linking back to the list, which it now follows.
    const firstHeading = clone.querySelector('h1');
    while (firstHeading && clone.firstElementChild && clone.firstElementChild !== firstHeading && !clone.firstElementChild.contains(firstHeading)) {
      clone.firstElementChild.remove();
    }
    for (const level of [5, 4, 3, 2, 1]) {
      clone.querySelectorAll(`h${level}`).forEach((heading) => {
        const replacement = document.createElement(`h${level + 1}`);
        for (const attr of Array.from(heading.attributes)) replacement.setAttribute(attr.name, attr.value);
        replacement.append(...Array.from(heading.childNodes));
        heading.replaceWith(replacement);
      });
    }
  }

  const heading = clone.querySelector('h1, h2');
  const title = (heading?.textContent ?? document.title).trim();
  const sections = Array.from(clone.querySelectorAll<HTMLElement>(target.demote ? 'h3[id]' : 'h2[id]')).map((h) => ({ id: h.id, text: (h.textContent ?? '').trim() }));
  return {
    title,
    html: clone.innerHTML,
    sections,
    styleSheets: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).map((link) => link.href),
    inlineStyles: Array.from(document.querySelectorAll('head style')).map((style) => style.textContent ?? ''),
    diagrams: clone.querySelectorAll('.docusaurus-mermaid-container svg').length,
  };
}

/** Opens each target in one of `tabs` tabs at a time and returns what `extract` cut, in order. */
export async function collectPages(
  contexts: { scripts: BrowserContext; static: BrowserContext },
  targets: CollectTarget[],
  options: CollectOptions,
  builtHtml: (route: string) => string,
  tabs = 2,
): Promise<CollectedPage[]> {
  const results: CollectedPage[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    const pages = { scripts: await contexts.scripts.newPage(), static: await contexts.static.newPage() };
    try {
      while (next < targets.length) {
        const index = next++;
        const target = targets[index]!;
        const scripts = needsScripts(builtHtml(target.route));
        const page = scripts ? pages.scripts : pages.static;
        const url = `${options.localBase}${target.route}`;
        try {
          await load(page, url, scripts);
        } catch (error) {
          throw new Error(`${url} was not ready to print: ${(error as Error).message.split('\n')[0]}`);
        }
        const cut = await inPage(page, extract, { target, options });
        results[index] = { route: target.route, key: target.key, ...cut };
        if (scripts) await page.emulateMedia({ media: 'screen' });
      }
    } finally {
      await pages.scripts.close();
      await pages.static.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(tabs, targets.length) }, worker));
  return results;
}
