/**
 * The one HTML document the PDF is printed from: a cover, the contents (each entry a link, its
 * page number filled in once a first print has shown where it landed) and every page of the book.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chapterNumber, numberedTitle } from '../../../website/src/plugins/book-pages';
import type { CollectedPage } from './collect';
import type { Part } from './reading-order';

export const BOOK_CSS = path.join(__dirname, '..', 'book.css');
/** The file's name, in website/build and so on the published site. */
export const PDF_NAME = 'rate-the-ride.pdf';
/** The month the book's prices, limits and "as of" dates refer to: the cover's edition. */
export const EDITION = 'December 2026';

export interface Cover {
  title: string;
  subtitle: string;
  /** "December 2026". */
  edition: string;
  /** The published site, shown and linked. */
  siteUrl: string;
  /** The logo's address. */
  logo: string;
  /** The commit the PDF was built from, when known. */
  commit?: string;
}

/** A part as the PDF prints it: its label and, for each chapter, the collected page or a draft's title. */
export interface ComposedPart {
  label: string | undefined;
  entries: Array<{ page: CollectedPage; continued: CollectedPage[] } | { draft: { title: string; url: string } }>;
}

/** The id of a page number in the contents that the first print fills in: `data-page-of` names the target. */
export const PAGE_NUMBER_ATTRIBUTE = 'data-page-of';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The key a page goes by in the document: its route, or "welcome" for the home page. */
export function pageKey(route: string): string {
  return route === '' ? 'welcome' : route.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/**
 * Arranges the collected pages by part: each sidebar page in its place (one not collected, a
 * draft, as a title and its address only), then the problem types as one more part whose first
 * page lists them and whose other pages follow it without a page break.
 */
export function arrange(parts: Part[], pages: Map<string, CollectedPage>, problems: CollectedPage[], publishedBase: string): ComposedPart[] {
  const composed: ComposedPart[] = parts.map((part) => ({
    label: part.label,
    entries: part.chapters.map((chapter) => {
      if (!pages.has(chapter.route)) return { draft: { title: numberedTitle(chapterNumber(chapter.id), chapter.title), url: `${publishedBase}${chapter.route}` } };
      return { page: pages.get(chapter.route)!, continued: [] };
    }),
  }));
  const [list, ...types] = problems;
  if (list) composed.push({ label: 'Reference', entries: [{ page: list, continued: types }] });
  return composed;
}

function coverHtml(cover: Cover): string {
  const site = cover.siteUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return `<section class="cover">
  <img src="${escapeHtml(cover.logo)}" alt="">
  <h1>${escapeHtml(cover.title)}</h1>
  <p class="subtitle">${escapeHtml(cover.subtitle)}</p>
  <p class="edition"><strong>${escapeHtml(cover.edition)} edition</strong><br>
  Read it online, every listing linked to its file:<br><a href="${escapeHtml(cover.siteUrl)}">${escapeHtml(site)}</a>${
    cover.commit ? `<br>Printed from commit ${escapeHtml(cover.commit)}` : ''
  }</p>
</section>`;
}

function entryHtml(className: string, key: string, text: string): string {
  return `<li class="entry ${className}"><a href="#${escapeHtml(key)}">${escapeHtml(text)}</a><span class="leader"></span><span class="page-number" ${PAGE_NUMBER_ATTRIBUTE}="${escapeHtml(key)}"></span></li>`;
}

function contentsHtml(parts: ComposedPart[]): string {
  const drafts = parts.flatMap((part) => part.entries).filter((entry) => 'draft' in entry).length;
  const about = drafts
    ? `Chapters marked “not written yet” are drafts on the site; this PDF leaves them out and links to their pages online.`
    : '';
  const blocks = parts.map((part) => {
    const items = part.entries.map((entry) => {
      if ('draft' in entry) {
        return `<li class="entry draft-entry"><a href="${escapeHtml(entry.draft.url)}">${escapeHtml(entry.draft.title)}</a> <span class="draft-note">not written yet</span></li>`;
      }
      const { page } = entry;
      return [entryHtml('chapter-entry', page.key, page.title), ...page.sections.map((section) => entryHtml('section-entry', section.id, section.text))].join('\n');
    });
    return `<li class="part">${part.label ? `<p class="part-label">${escapeHtml(part.label)}</p>` : ''}<ol>
${items.join('\n')}
</ol></li>`;
  });
  return `<nav class="contents" id="contents" aria-label="Contents">
  <h1>Contents</h1>
  ${about ? `<p class="about">${about}</p>` : ''}
  <ol>
${blocks.join('\n')}
  </ol>
</nav>`;
}

function chapterHtml(page: CollectedPage, kicker: string | undefined, continued: boolean): string {
  return `<article class="chapter markdown${continued ? ' continued' : ''}" id="${escapeHtml(page.key)}">
${kicker ? `<p class="part-kicker">${escapeHtml(kicker)}</p>` : ''}${page.html}
</article>`;
}

/** The whole document, ready for `page.setContent`. */
export function bookHtml(options: { cover: Cover; parts: ComposedPart[]; styleSheets: string[]; inlineStyles: string[] }): string {
  const { cover, parts } = options;
  const body: string[] = [coverHtml(cover), contentsHtml(parts)];
  for (const part of parts) {
    let first = true;
    for (const entry of part.entries) {
      if ('draft' in entry) continue;
      body.push(chapterHtml(entry.page, first ? part.label : undefined, false));
      first = false;
      for (const page of entry.continued) body.push(chapterHtml(page, undefined, true));
    }
  }
  const links = [...new Set(options.styleSheets)].map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`);
  const inline = [...new Set(options.inlineStyles)].map((css) => `<style>${css}</style>`);
  return `<!doctype html>
<html lang="en" dir="ltr" data-theme="light">
<head>
<meta charset="utf-8">
<title>${escapeHtml(cover.title)}</title>
${links.join('\n')}
${inline.join('\n')}
<style>${fs.readFileSync(BOOK_CSS, 'utf8')}</style>
</head>
<body>
<main class="book">
${body.join('\n')}
</main>
</body>
</html>`;
}
