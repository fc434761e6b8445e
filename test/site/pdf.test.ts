/**
 * The book as a PDF (website/build/rate-the-ride.pdf, printed by scripts/pdf/build.ts after the
 * site's build), read the way a reader meets it: the cover, the contents and their links and page
 * numbers, every written chapter on the page the contents give, in the sidebar's order, drafts
 * named as not written, bookmarks, dark text on light paper, and the site's link to the file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { EDITION, PDF_NAME, pageKey } from '../../scripts/pdf/lib/compose';
import { PdfFile } from '../../scripts/pdf/lib/pdf-file';
import { bookParts, isDraftPage, problemRoutes } from '../../scripts/pdf/lib/reading-order';
import { chapterNumber, numberedTitle } from '../../website/src/plugins/book-pages';
import { BASE_URL, BUILD_DIR, ROOT_DIR } from './support/site';

const PDF_FILE = path.join(BUILD_DIR, PDF_NAME);

/** Text as compared here: ligatures undone (ﬁ → fi), runs of white space as one space. */
const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

function builtHtml(route: string): string {
  return fs.readFileSync(path.join(BUILD_DIR, route === '' ? 'index.html' : `${route}.html`), 'utf8');
}

const chapters = bookParts()
  .flatMap((part) => part.chapters)
  .map((chapter) => ({
    ...chapter,
    key: pageKey(chapter.route),
    shownTitle: numberedTitle(chapterNumber(chapter.id), chapter.title),
    draft: isDraftPage(builtHtml(chapter.route)),
  }));
const written = chapters.filter((chapter) => !chapter.draft);
const drafts = chapters.filter((chapter) => chapter.draft);

describe(`the book as a PDF (${PDF_NAME})`, () => {
  let pdf: PdfFile;
  let destinations: Map<string, number>;
  /** Index of the first page after the contents: the first chapter's. */
  let firstChapterPage: number;
  const text = new Map<number, string>();
  const pageText = (index: number) => {
    if (!text.has(index)) text.set(index, pdf.pageText(index));
    return text.get(index)!;
  };

  before(() => {
    assert.ok(fs.existsSync(PDF_FILE), `${PDF_FILE} is missing: run "npm run pdf" after "npm run build"`);
    pdf = new PdfFile(fs.readFileSync(PDF_FILE));
    destinations = pdf.namedDestinations();
    firstChapterPage = destinations.get(written[0]!.key)!;
  });

  it('has a sane number of pages, a title and a cover with the subtitle and the edition', () => {
    // At least two pages a written chapter plus the cover and contents; no more than a long book.
    assert.ok(pdf.pageCount >= 2 * written.length + 2, `${pdf.pageCount} pages for ${written.length} written chapters`);
    assert.ok(pdf.pageCount <= 1500, `${pdf.pageCount} pages`);
    assert.equal(pdf.title(), 'Rate the Ride');
    const tagline = /\btagline:\s*'([^']+)'/.exec(fs.readFileSync(path.join(ROOT_DIR, 'website', 'docusaurus.config.ts'), 'utf8'))![1]!;
    const cover = normal(pageText(0));
    for (const expected of ['Rate the Ride', tagline, `${EDITION} edition`]) assert.ok(cover.includes(expected), `the cover shows "${expected}": ${cover}`);
    assert.doesNotMatch(cover, /^\d+ /, 'the cover carries no page number');
    console.log(`${PDF_NAME}: ${pdf.pageCount} pages, ${(fs.statSync(PDF_FILE).size / 1024 / 1024).toFixed(1)} MiB`);
  });

  it('starts every written chapter on a page of its own, in the sidebar’s order, under its title', () => {
    let previous = 0;
    for (const chapter of written) {
      const page = destinations.get(chapter.key);
      assert.ok(page !== undefined, `${chapter.id} is in the PDF`);
      assert.ok(page > previous, `${chapter.id} (page ${page + 1}) comes after the page before it in the sidebar (page ${previous + 1})`);
      // The page's first lines: its number, maybe the part's name, then the chapter's title.
      const opening = normal(pageText(page).split('\n').slice(0, 4).join(' '));
      assert.ok(opening.includes(chapter.shownTitle), `page ${page + 1} opens with "${chapter.shownTitle}": ${opening.slice(0, 120)}`);
      previous = page;
    }
  });

  /** The contents' lines, each as the pieces of text placed on it, without the page number's line. */
  const contentsLines = () =>
    Array.from({ length: firstChapterPage - 1 }, (_, i) => i + 1).flatMap((page) =>
      pdf
        .pageLines(page)
        .slice(1)
        .map((line) => ({ page, pieces: line.map(normal).filter(Boolean) })),
    );

  it('names each draft as not written yet in the contents, and leaves its page out', () => {
    const lines = contentsLines();
    for (const chapter of drafts) {
      const line = lines.find(({ pieces }) => pieces[0] === chapter.shownTitle);
      assert.deepEqual(line?.pieces, [chapter.shownTitle, 'not written yet'], `the contents mark ${chapter.id} as not written yet`);
      assert.equal(destinations.has(chapter.key), false, `${chapter.id} has no page in the PDF`);
    }
  });

  it('has contents whose every entry links to its page and gives that page’s number', () => {
    const contentsPages = Array.from({ length: firstChapterPage - 1 }, (_, i) => i + 1);
    // Entries in the order drawn: a line that ends with a page number of its own; a title that
    // wraps starts on the lines before it.
    const entries: { title: string; number: number }[] = [];
    let before: string[] = [];
    for (const { pieces } of contentsLines()) {
      const last = pieces[pieces.length - 1];
      if (pieces.length >= 2 && /^\d+$/.test(last!)) {
        entries.push({ title: normal([...before, ...pieces.slice(0, -1)].join(' ')), number: Number(last) });
        before = [];
      } else before.push(...pieces);
    }
    const links = pdf.links().filter((link) => contentsPages.includes(link.page) && link.dest !== undefined);
    assert.equal(entries.length, links.length, 'one link per numbered entry');
    assert.ok(entries.length >= written.length, `${entries.length} entries for ${written.length} written chapters`);
    links.forEach((link, i) => {
      const target = destinations.get(link.dest!);
      assert.ok(target !== undefined, `the contents link to #${link.dest}, which is in the PDF`);
      assert.equal(entries[i]!.number, target + 1, `"${entries[i]!.title}" gives page ${entries[i]!.number}; its link lands on page ${target + 1}`);
    });
    for (const chapter of written) {
      const entry = entries.find((e) => e.title === chapter.shownTitle || e.title.endsWith(` ${chapter.shownTitle}`));
      assert.ok(entry, `the contents list "${chapter.shownTitle}"`);
      assert.equal(entry.number, destinations.get(chapter.key)! + 1, `${chapter.id}'s page in the contents`);
    }
    const problems = problemRoutes(BUILD_DIR, BASE_URL);
    if (problems.length) assert.ok(destinations.has(pageKey(problems[0]!)), 'the problem types are in it');
  });

  it('lands every link inside the PDF on a page of it, and sends the others to the web', () => {
    const links = pdf.links();
    const internal = links.filter((link) => link.dest !== undefined);
    const missing = internal.filter((link) => !destinations.has(link.dest!));
    assert.deepEqual(
      missing.map((link) => `page ${link.page + 1} → #${link.dest}`),
      [],
      'internal links with no target',
    );
    // Chapters link to one another, not only the contents to them.
    assert.ok(internal.some((link) => link.page >= firstChapterPage), 'cross-references between chapters are links inside the PDF');
    for (const link of links.filter((l) => l.uri !== undefined)) assert.match(link.uri!, /^(https?|mailto):/, `page ${link.page + 1}: ${link.uri}`);
  });

  it('has bookmarks for every written chapter, opening its page', () => {
    const outline = pdf.outline();
    for (const chapter of written) {
      // Chromium's bookmark of a heading that wraps loses the space at the break.
      const squeezed = (s: string) => s.replace(/\s+/g, '');
      const entry = outline.find((e) => squeezed(e.title) === squeezed(chapter.shownTitle));
      assert.ok(entry, `a bookmark for "${chapter.shownTitle}"`);
      assert.equal(entry.page, destinations.get(chapter.key), `${chapter.id}'s bookmark opens its first page`);
    }
  });

  it('prints in light mode: the chapters’ text is dark on the white page', () => {
    let dark = 0;
    let light = 0;
    for (const chapter of written) {
      for (const run of pdf.pageTextRuns(destinations.get(chapter.key)!)) {
        const [r, g, b] = run.color;
        const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        if (luminance < 0.4) dark += run.text.length;
        else if (luminance > 0.7) light += run.text.length;
      }
    }
    assert.ok(dark > 20 * light, `characters in dark ink: ${dark}, in light ink: ${light}`);
  });

  it('is linked from the site’s footer', () => {
    const href = `${BASE_URL}${PDF_NAME}`;
    for (const route of ['', written[written.length - 1]!.route]) {
      assert.match(builtHtml(route), new RegExp(`href="?${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[" >]`), `/${route} links to ${href}`);
    }
  });
});
