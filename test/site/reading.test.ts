/**
 * What a reader sees on a desktop (1280 px) and a phone (390 px): unfinished pages marked as such,
 * chapter numbers, Try-it blocks, wide tables, "What changed" and the listings' layout; the search
 * page; diagrams on a phone; a printed page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { seriousViolations } from './support/axe';
import { BASE_URL, BUILD_DIR, bookPages, drawDiagrams, startSite, type BookPage, type RunningSite } from './support/site';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const pages = bookPages();
/** `status: draft` in a page's front matter: not written yet. */
function isDraft(bookPage: BookPage): boolean {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(bookPage.file, 'utf8'));
  return (match ? (parseYaml(match[1]!) as Record<string, unknown>) : {}).status === 'draft';
}
const drafts = new Set(pages.filter(isDraft).map((p) => p.id));
const byId = (id: string) => pages.find((p) => p.id === id)!;

/**
 * The "draft" badge a sidebar link shows (CSS generated content), or '' when it shows none. (Not a
 * category's link: until the page has hydrated, a category links to its first page.)
 */
async function sidebarBadge(page: Page, route: string): Promise<string> {
  return page
    .locator(`.theme-doc-sidebar-container a.menu__link:not(.menu__link--sublist)[href="${BASE_URL}${route}"]`)
    .evaluate((link) => {
      const content = getComputedStyle(link, '::after').content;
      return content === 'none' || content === 'normal' ? '' : content.replace(/^"|"$/g, '');
    });
}

/** A console block's commands as a shell wants them: `$ ` lines without it, continuation lines kept. */
function commandsOf(code: string): string {
  const commands: string[] = [];
  let continued = false;
  for (const line of code.split('\n')) {
    if (continued) commands.push(line);
    else if (line.startsWith('$ ')) commands.push(line.slice(2));
    else continue;
    continued = line.endsWith('\\');
  }
  return commands.join('\n');
}

/**
 * The smallest label of the diagram in `root`, in CSS pixels as drawn: the label's font size times
 * the scale at which its SVG is drawn (the SVG's width over its viewBox's).
 */
function smallestLabel(root: Element): number {
  const svg = root.querySelector('svg')!;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const labels = Array.from(svg.querySelectorAll('.nodeLabel, .edgeLabel, text')).filter((label) => (label.textContent ?? '').trim());
  return Math.min(...labels.map((label) => parseFloat(getComputedStyle(label).fontSize) * scale));
}

describe('what a reader sees', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.close();
  });

  async function open(route: string, viewport = DESKTOP) {
    const context = await site.chromium.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(site.url(route), { waitUntil: 'networkidle' });
    return { page, context };
  }

  /**
   * One tab per screen size, kept for every page of the book: each page is loaded once per size and
   * every check of that page runs on that load. A load counts once the page has hydrated
   * (Docusaurus marks <html data-has-hydrated="true">), not once the network is idle: linked pages
   * are prefetched in idle time, which a wait for an idle network would sit through.
   */
  const tabs = new Map<number, Page>();
  async function visit(route: string, viewport: { width: number; height: number }): Promise<Page> {
    let page = tabs.get(viewport.width);
    if (!page) {
      const context = await site.chromium.browser.newContext({ viewport });
      page = await context.newPage();
      tabs.set(viewport.width, page);
    }
    await page.goto(site.url(route), { waitUntil: 'load' });
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    return page;
  }
  after(async () => {
    for (const page of tabs.values()) await page.context().close();
  });

  /** What the per-page checks saw across the book, checked once all pages have been seen. */
  const seen = { scrolledTables: 0, tables: 0, paths: 0, wrappedPaths: 0, diffLines: 0, welcomeNote: false };
  const order = pages.filter((p) => p.route !== '').map((p) => p.id);

  /** Draft marks: sidebar badge, banner, previous/next, prose links (desktop). */
  async function checkDraftMarks(page: Page, bookPage: BookPage) {
    const draft = drafts.has(bookPage.id);
    assert.equal(await sidebarBadge(page, bookPage.route), draft ? 'draft' : '', `${bookPage.id}: sidebar badge`);
    const banner = page.locator('article [data-unfinished-page]');
    assert.equal(await banner.count(), draft ? 1 : 0, `${bookPage.id}: banner`);
    if (draft) assert.match((await banner.textContent()) ?? '', /not written yet/, `${bookPage.id}: banner text`);
    // Previous/next name a draft as one.
    for (const side of ['prev', 'next'] as const) {
      const link = page.locator(`.pagination-nav__link--${side}`);
      if (!(await link.count())) continue;
      const href = (await link.getAttribute('href'))!;
      const target = pages.find((p) => p.route !== '' && href.endsWith(`/${p.route}`)) ?? pages.find((p) => p.route === '')!;
      const label = (await link.locator('.pagination-nav__label').textContent()) ?? '';
      assert.equal(/\bdraft\b/i.test(label), drafts.has(target.id), `${bookPage.id}: ${side} "${label}"`);
    }
    // Every link in the prose to a draft carries the badge; no other link does.
    const links = await page.locator('article .markdown a[href]').evaluateAll((anchors) =>
      anchors.map((a) => ({
        href: a.getAttribute('href')!,
        badge: /^draft$/i.test((a.nextElementSibling?.textContent ?? '').trim()) && a.hasAttribute('data-draft-link'),
      })),
    );
    for (const link of links) {
      const path = link.href.split('#')[0]!;
      const target = order.find((id) => path.endsWith(`/${byId(id).route}`));
      assert.equal(link.badge, target !== undefined && drafts.has(target), `${bookPage.id}: link to ${link.href}`);
    }
    if (bookPage.route !== '') return;
    // Welcome says which chapters are not written yet, in words.
    const note = page.locator('[data-unfinished-chapters]');
    assert.equal(await note.count(), 1, 'Welcome has the note');
    const text = (await note.textContent()) ?? '';
    const numbers = [...drafts].map((id) => byId(id).id.split('-')[0]!);
    const chapters = numbers.filter((n) => /^\d+$/.test(n)).map(Number);
    const letters = numbers.filter((n) => !/^\d+$/.test(n)).map((n) => n.toUpperCase());
    if (chapters.length) assert.ok(text.includes(`${Math.min(...chapters)}`) && text.includes(`${Math.max(...chapters)}`), text);
    if (letters.length) assert.ok(text.includes(`appendi`) && text.includes(letters[0]!), text);
    assert.match(text, /not written yet/);
    assert.ok((await page.locator('article a[data-draft-link]').count()) > 0, 'Welcome marks its links to drafts');
    seen.welcomeNote = true;
  }

  /** The page's number (an appendix's letter) before its title: heading, tab, breadcrumb, sidebar. */
  async function checkNumber(page: Page, bookPage: BookPage, viewport: { width: number }) {
    // The file name's prefix: "07-dynamodb" is chapter 7, "a-troubleshooting" appendix A.
    const prefix = /^(\d+|[a-z])-/.exec(bookPage.id)![1]!;
    const number = /^\d+$/.test(prefix) ? String(Number(prefix)) : prefix.toUpperCase();
    const expected = `${number}. ${bookPage.title}`;
    const where = `${bookPage.id} at ${viewport.width} px`;
    assert.equal((await page.locator('article h1').first().textContent())?.trim(), expected, `${where}: heading`);
    assert.ok((await page.title()).startsWith(expected), `${where}: tab title "${await page.title()}"`);
    const crumb = page.locator('.breadcrumbs__item--active');
    if (await crumb.count()) assert.equal((await crumb.textContent())?.trim(), expected, `${where}: breadcrumb`);
    // On a phone the sidebar is the menu: opened last, as it covers the page.
    if (viewport === PHONE) {
      await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
      await page.locator('.navbar-sidebar').waitFor({ state: 'visible' });
    }
    const menu = `${viewport === PHONE ? '.navbar-sidebar' : '.theme-doc-sidebar-container'} .theme-doc-sidebar-menu`;
    const link = page.locator(`${menu} a.menu__link:not(.menu__link--sublist)[href="${BASE_URL}${bookPage.route}"]`);
    assert.equal((await link.textContent())?.trim(), expected, `${where}: sidebar`);
  }

  /** A wide table scrolls in its own box on a phone instead of squeezing its cells to a word per line. */
  async function checkTables(page: Page, bookPage: BookPage) {
    const tables = await page.locator('article .markdown table').evaluateAll((elements) =>
      elements.map((table) => {
        const column = table.closest('.markdown')!.getBoundingClientRect();
        const box = table.getBoundingClientRect();
        // A cell narrower than its text on one line and than 10em (about 20 characters) is squeezed.
        const squeezed = Array.from(table.querySelectorAll('td, th')).flatMap((cell) => {
          const style = getComputedStyle(cell);
          const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const probe = document.createElement('span');
          probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
          probe.innerHTML = cell.innerHTML;
          cell.append(probe);
          const oneLine = probe.getBoundingClientRect().width;
          probe.remove();
          const wanted = Math.min(oneLine, 10 * parseFloat(style.fontSize));
          return width < wanted - 1 ? [{ text: (cell.textContent ?? '').slice(0, 40), width: Math.round(width) }] : [];
        });
        const scrollable = table.scrollWidth > table.clientWidth + 1;
        const focusable = (table as HTMLElement).tabIndex >= 0;
        (table as HTMLElement).scrollLeft = table.scrollWidth;
        const lastHeader = table.querySelector('tr')!.lastElementChild!.getBoundingClientRect();
        return {
          inColumn: box.left >= column.left - 1 && box.right <= column.right + 1,
          squeezed: squeezed.map((cell) => `"${cell.text}" in ${cell.width} px`),
          scrollable,
          focusable,
          lastColumnReachable: lastHeader.right <= box.right + 1,
        };
      }),
    );
    for (const [index, table] of tables.entries()) {
      const name = `${bookPage.id}, table ${index + 1}`;
      assert.ok(table.inColumn, `${name}: the table's box stays in the column`);
      assert.deepEqual(table.squeezed, [], `${name}: cells squeezed`);
      if (table.scrollable) {
        seen.scrolledTables += 1;
        assert.ok(table.focusable, `${name}: a table that scrolls is focusable, so a keyboard can scroll it`);
        assert.ok(table.lastColumnReachable, `${name}: its last column scrolls into view`);
      }
    }
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= PHONE.width, `${bookPage.id}: the page itself does not scroll sideways (${pageWidth} px)`);
    seen.tables += tables.length;
  }

  /** "What changed" diffs leave out region markers, as the listings do (desktop). */
  async function checkDiffMarkers(page: Page, bookPage: BookPage) {
    const marker = /^[ +-]\s*(\/\/|#|<!--|\/\*)\s*#(end)?region\b/;
    const files = page.locator('[data-what-changed] details[data-path]');
    const count = await files.count();
    await files.evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-what-changed] details[data-path] :is(pre, p)').length >= n,
      count,
      { timeout: 30_000 },
    );
    const shown = await page.locator('[data-what-changed] details[data-path] pre').evaluateAll((pres) =>
      pres.flatMap((pre) => (pre.textContent ?? '').split('\n').map((line) => `${pre.closest('details')!.getAttribute('data-path')}: ${line}`)),
    );
    seen.diffLines += shown.length;
    const markers = shown.filter((line) => marker.test(line.replace(/^[^:]+: /, '')));
    assert.deepEqual(markers, [], `${bookPage.id}: marker lines in the diffs`);
  }

  /** On a phone, the paths above listings and in "What changed" wrap only after a slash. */
  async function checkPaths(page: Page, bookPage: BookPage) {
    // Where a path's text wraps: the characters that end each line but the last.
    const wrapsAfter = (element: Element): string[] => {
      const ends: string[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let previous: { top: number; char: string } | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (previous && rect.top > previous.top + rect.height / 2) ends.push(previous.char);
          previous = { top: rect.top, char: text[i]! };
        }
      }
      return ends;
    };
    const paths = await page.locator('[data-embed-file] a, [data-what-changed] summary code').evaluateAll(
      (elements, source) => {
        const wraps = new Function(`return ${source}`)() as (element: Element) => string[];
        return elements.map((element) => ({ text: element.textContent ?? '', ends: wraps(element) }));
      },
      wrapsAfter.toString(),
    );
    for (const path of paths) {
      seen.paths += 1;
      if (path.ends.length) seen.wrappedPaths += 1;
      assert.ok(path.ends.every((char) => char === '/'), `${bookPage.id}: "${path.text}" wraps inside a name (after ${JSON.stringify(path.ends)})`);
    }
  }

  /** On a phone, breadcrumbs keep to one line. */
  async function checkBreadcrumbs(page: Page, bookPage: BookPage) {
    const crumbs = page.locator('.theme-doc-breadcrumbs');
    if (await crumbs.count()) {
      const layout = await crumbs.evaluate((nav) => {
        const items = Array.from(nav.querySelectorAll('.breadcrumbs__item'));
        const boxes = items.map((item) => item.getBoundingClientRect());
        // One row: every crumb overlaps every other vertically.
        const oneRow = Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
        const links = Array.from(nav.querySelectorAll('.breadcrumbs__link')).map((link) => link.getClientRects().length);
        return { rows: oneRow ? 1 : 2, lineBoxes: Math.max(...links), overflow: nav.scrollWidth - nav.clientWidth };
      });
      assert.equal(layout.rows, 1, `${bookPage.id}: breadcrumbs on one row`);
      assert.equal(layout.lineBoxes, 1, `${bookPage.id}: no crumb wraps`);
      assert.ok(layout.overflow <= 1, `${bookPage.id}: breadcrumbs fit the screen`);
    }
  }

  /**
   * Listings fit the column, their copy button leaves the first line readable, and the fetch
   * command is whole and rightly coloured. Chapter 7, the longest listing chapter when this was
   * written, gets the buttons checked too (desktop).
   */
  const buttonsPage = pages.find((p) => p.id === '07-dynamodb') ?? pages.find((p) => p.code)!;
  async function checkListings(page: Page, bookPage: BookPage, viewport: { width: number }) {
    const where = `${bookPage.id} at ${viewport.width} px`;
    // Every listing drawn, as a reader scrolling past it sees it (they are laid out near the screen only).
    const lines = await page.evaluate(() => {
      document.querySelectorAll<HTMLElement>('body *').forEach((element) => {
        if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
      });
      const pres = Array.from(document.querySelectorAll('article pre.prism-code')).filter((pre) => !pre.closest('details:not([open])'));
      let total = 0;
      const wide: string[] = [];
      for (const pre of pres) {
        const right = pre.getBoundingClientRect().right - parseFloat(getComputedStyle(pre.querySelector('code')!).paddingRight);
        for (const line of Array.from(pre.querySelectorAll('.token-line'))) {
          total += 1;
          // The right end of the line's text; spaces where a line wraps may hang past the edge.
          let end = 0;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              end = Math.max(end, ...Array.from(range.getClientRects()).map((r) => r.right));
            }
          }
          if (end > right + 1) wide.push((line.textContent ?? '').slice(0, 60));
        }
      }
      return { total, wide };
    });
    assert.ok(lines.total > 0, `${where}: listings found`);
    assert.deepEqual(lines.wide, [], `${where}: ${lines.wide.length} of ${lines.total} lines wider than their listing`);

    // The fetch command in "Code for this chapter": shown whole, and `#main` is no comment.
    const fetch = page.locator('[data-chapter-code] pre').first();
    const box = await fetch.evaluate((pre) => ({ cut: pre.scrollWidth > pre.clientWidth + 1, text: pre.textContent ?? '' }));
    assert.match(box.text, /#main\b/, `${where}: the fetch command names the branch`);
    assert.equal(box.cut, false, `${where}: the fetch command is cut`);
    const comments = await page.locator('article pre.language-bash .token.comment').evaluateAll((tokens) =>
      tokens.flatMap((token) => {
        const line = token.closest('.token-line')!;
        const range = document.createRange();
        range.setStart(line, 0);
        range.setEndBefore(token);
        const before = range.toString();
        return before === '' || /\s$/.test(before) ? [] : [`${before}|${token.textContent}`];
      }),
    );
    assert.deepEqual(comments, [], `${where}: a "#" inside a word is coloured as a comment`);

    // The copy button, shown when the reader points at a block, covers none of its first line.
    if (viewport === DESKTOP && bookPage === buttonsPage) {
      // Those a reader can see (not inside a closed <details>).
      const blocks = page.locator('article [data-embed-file] pre.prism-code, article pre.language-console').filter({ visible: true });
      const count = await blocks.count();
      for (let i = 0; i < count; i += 1) {
        const pre = blocks.nth(i);
        await pre.scrollIntoViewIfNeeded();
        await pre.hover();
        const buttons = pre.locator('xpath=..').locator('button').first();
        await buttons.waitFor({ timeout: 5_000 });
        const overlap = await pre.evaluate((element) => {
          const group = element.parentElement!.querySelector('button')!.parentElement!.getBoundingClientRect();
          const first = element.querySelector('.token-line')!;
          const range = document.createRange();
          range.selectNodeContents(first);
          return Array.from(range.getClientRects()).some(
            (r) => r.width > 0 && r.left < group.right && r.right > group.left && r.top < group.bottom && r.bottom > group.top,
          )
            ? (first.textContent ?? '').slice(0, 60)
            : null;
        });
        assert.equal(overlap, null, `${where}: block ${i + 1}'s buttons cover its first line`);
      }
    }
  }


  // Each page of the book, once per screen size, with every check of that page on one load.
  for (const viewport of [DESKTOP, PHONE]) {
    for (const bookPage of pages) {
      const checks = [
        viewport === DESKTOP ? 'draft marks' : 'breadcrumbs',
        viewport === PHONE && (bookPage.embeds.length || bookPage.hasWhatChanged) ? 'paths' : '',
        bookPage.code ? 'listings' : '',
        viewport === DESKTOP && bookPage.hasWhatChanged && bookPage.code ? '"What changed" without markers' : '',
        viewport === PHONE && /^\|.*\|\s*$/m.test(bookPage.markdown) ? 'tables' : '',
        'number',
      ].filter(Boolean);
      it(`${bookPage.id} at ${viewport.width} px: ${checks.join(', ')}`, async () => {
        const page = await visit(bookPage.route, viewport);
        if (viewport === DESKTOP) await checkDraftMarks(page, bookPage);
        if (viewport === PHONE) {
          await checkBreadcrumbs(page, bookPage);
          if (bookPage.embeds.length || bookPage.hasWhatChanged) await checkPaths(page, bookPage);
          if (/^\|.*\|\s*$/m.test(bookPage.markdown)) await checkTables(page, bookPage);
        }
        if (bookPage.code) await checkListings(page, bookPage, viewport);
        if (viewport === DESKTOP && bookPage.hasWhatChanged && bookPage.code) await checkDiffMarkers(page, bookPage);
        // Last: on a phone it opens the menu over the page.
        await checkNumber(page, bookPage, viewport);
      });
    }
  }

  it('across the book: drafts and written pages, Welcome\'s note, wide tables that scroll, paths that wrap, diffs shown', () => {
    assert.ok(drafts.size > 0 && drafts.size < pages.length, 'some pages are drafts and some are written');
    assert.ok(seen.welcomeNote, 'Welcome was checked');
    assert.ok(seen.tables > 0, 'some page has a table');
    assert.ok(seen.scrolledTables > 0, 'some table is wider than a phone and scrolls');
    assert.ok(seen.paths > 0 && seen.wrappedPaths > 0, `some paths were long enough to wrap on a phone (${JSON.stringify(seen)})`);
    assert.ok(seen.diffLines > 100, 'the diffs were shown');
  });

  it('a Try-it block shows its commands apart from their output, and copies the commands only', async () => {
    const consoleBlocks = (p: BookPage) => [...p.markdown.matchAll(/^```console[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!.replace(/\n$/, ''));
    // A block whose first command goes on over several lines, and that prints something.
    const wanted = (code: string) => /^\$ .*\\$/m.test(code) && code.split('\n').some((l) => l.trim() && !l.startsWith('$ ') && !l.startsWith(' '));
    const bookPage = pages.find((p) => consoleBlocks(p).some(wanted));
    assert.ok(bookPage, 'a chapter with a Try-it block with a continued command and output');
    const blocks = consoleBlocks(bookPage);
    const index = blocks.findIndex(wanted);
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await site.chromium.browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
      try {
        const page = await context.newPage();
        await page.goto(site.url(bookPage.route), { waitUntil: 'networkidle' });
        // The copy button appears on pointer, which does nothing until the page has hydrated.
        await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
        const block = page.locator('pre.language-console').nth(index);
        await block.scrollIntoViewIfNeeded();
        const looks = await block.evaluate((pre) => {
          const lines = Array.from(pre.querySelectorAll('.token-line'));
          const command = lines.find((l) => l.textContent?.startsWith('$ '))!;
          const output = lines.find((l) => l.textContent?.trim() && !l.textContent.startsWith('$ ') && !l.textContent.startsWith(' '))!;
          const [commandLook, outputLook] = [command, output].map((line) => {
            const style = getComputedStyle(line);
            return `${style.fontWeight} ${style.backgroundColor} ${style.color}`;
          });
          const prompt = Array.from(command.querySelectorAll('*')).find((e) => e.textContent === '$ ');
          return { command: commandLook, output: outputLook, promptSelectable: prompt ? getComputedStyle(prompt).userSelect !== 'none' : true };
        });
        assert.notEqual(looks.command, looks.output, 'a command looks different from its output');
        assert.equal(looks.promptSelectable, false, 'the prompt is shown apart and left out of a selection');
        await block.hover();
        await block.locator('xpath=..').getByRole('button', { name: /copy/i }).click();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, commandsOf(blocks[index]!), `${viewport.width} px: the copy button copies the commands only`);
      } finally {
        await context.close();
      }
    }
  });


  it('the search page keeps its query: opened from an address, reloaded, typed fast; problem-type pages are found', async () => {
    const problems = fs.existsSync(path.join(BUILD_DIR, 'problems')) ? fs.readdirSync(path.join(BUILD_DIR, 'problems')) : [];
    const { page, context } = await open('search?q=cursor');
    try {
      const results = page.locator('article h2 a');
      const query = () => new URL(page.url()).searchParams.get('q');
      const shows = async (word: string, when: string) => {
        await results.first().waitFor({ timeout: 15_000 }).catch(() => undefined);
        assert.equal(query(), word, `${when}: the address keeps ?q=${word} (it is ${page.url()})`);
        assert.equal(await page.locator('input[type="search"][name="q"]').inputValue(), word, `${when}: the box shows the query`);
        assert.ok((await results.count()) > 0, `${when}: results are shown`);
      };
      await shows('cursor', 'opened at /search?q=cursor');
      // The problem-type pages are in the index: the one for a bad cursor is among the results.
      const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(problems.length > 0, 'the build has problem-type pages');
      assert.ok(hrefs.some((href) => /\/problems\/[a-z-]+/.test(href)), `a problem-type page is among the results: ${hrefs.join(', ')}`);
      await page.reload({ waitUntil: 'networkidle' });
      await shows('cursor', 'reloaded');
      // Typing fast: every letter is kept, in the box and in the address.
      const box = page.locator('input[type="search"][name="q"]');
      for (const word of ['idempotency', 'conditional writes']) {
        await box.fill('');
        await box.pressSequentially(word, { delay: 5 });
        await page.waitForTimeout(1000);
        assert.equal(await box.inputValue(), word, 'the box keeps every letter typed');
        await page.waitForFunction((w) => new URL(location.href).searchParams.get('q') === w, word, { timeout: 5_000 }).catch(() => undefined);
        assert.equal(query(), word, 'the address follows the box');
      }
    } finally {
      await context.close();
    }
  });

  it('on a phone, a diagram opens full size, with labels as large as text, by a tap or by keyboard', async () => {
    const bookPage = pages.find((p) => p.hasDiagram && p.route !== '');
    assert.ok(bookPage, 'a chapter with a diagram');
    const { page, context } = await open(bookPage.route, PHONE);
    try {
      assert.ok((await drawDiagrams(page)) > 0, 'the page draws a diagram');
      const slot = page.locator('[data-mermaid-slot]').first();
      const inline = await slot.evaluate(smallestLabel);
      // A tap on the diagram opens it.
      await slot.scrollIntoViewIfNeeded();
      await slot.locator('svg').first().click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor({ timeout: 5_000 }).catch(() => undefined);
      assert.equal(await dialog.count(), 1, 'a tap on the diagram opens it full size');
      const full = await dialog.evaluate(smallestLabel);
      assert.ok(full >= 14, `full size, the smallest label is ${full.toFixed(1)} px (on the page: ${inline.toFixed(1)} px)`);
      // Nothing outside the dialog can be scrolled to instead: it fills the screen.
      const box = (await dialog.boundingBox())!;
      assert.ok(box.width >= PHONE.width - 1 && box.height >= PHONE.height - 1, `the dialog fills the screen (${box.width}×${box.height})`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      // By keyboard: the button, Enter, focus in the dialog, axe-clean, Escape back to the button.
      const button = page.getByRole('button', { name: /diagram full size/i }).first();
      await button.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ timeout: 5_000 });
      assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'focus moves into the dialog');
      assert.deepEqual(await seriousViolations(page), [], 'axe, with the dialog open');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'focus returns to the button');
      console.log(`/${bookPage.route} at ${PHONE.width} px: smallest diagram label ${inline.toFixed(1)} px on the page, ${full.toFixed(1)} px full size`);
    } finally {
      await context.close();
    }
  });

  it('printed, a page draws every diagram and shows "What changed" open, with its diffs', async () => {
    // The chapter with the most diagrams among those with "What changed".
    const count = (p: BookPage) => (p.markdown.match(/^\s*`{3,}mermaid\b/gm) ?? []).length;
    const bookPage = pages.filter((p) => p.hasDiagram && p.hasWhatChanged).sort((a, b) => count(b) - count(a))[0];
    assert.ok(bookPage, 'a chapter with a diagram and "What changed"');
    const { page, context } = await open(bookPage.route);
    try {
      const state = () =>
        page.evaluate(() => {
          const slots = Array.from(document.querySelectorAll('[data-mermaid-slot]'));
          const files = Array.from(document.querySelectorAll<HTMLDetailsElement>('[data-what-changed] details[data-path]'));
          return {
            diagrams: slots.length,
            drawn: slots.filter((slot) => slot.querySelector('.docusaurus-mermaid-container svg')).length,
            files: files.length,
            open: files.filter((details) => details.open).length,
            withDiff: files.filter((details) => details.querySelector(':scope > pre, :scope > p')).length,
          };
        });
      const before = await state();
      assert.ok(before.diagrams > 0 && before.files > 0, `${bookPage.id} has diagrams and files in "What changed"`);
      await page.emulateMedia({ media: 'print' });
      await page
        .waitForFunction(
          () =>
            Array.from(document.querySelectorAll('[data-mermaid-slot]')).every((slot) => slot.querySelector('.docusaurus-mermaid-container svg')) &&
            Array.from(document.querySelectorAll<HTMLDetailsElement>('[data-what-changed] details[data-path]')).every(
              (details) => details.open && details.querySelector(':scope > pre, :scope > p:not(:empty)'),
            ),
          undefined,
          { timeout: 30_000 },
        )
        .catch(() => undefined);
      const printed = await state();
      assert.equal(printed.drawn, printed.diagrams, `${bookPage.id} printed: diagrams drawn (${before.drawn} of ${before.diagrams} before printing)`);
      assert.equal(printed.open, printed.files, `${bookPage.id} printed: "What changed" files open`);
      assert.equal(printed.withDiff, printed.files, `${bookPage.id} printed: every file shows its diff`);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 50_000, `the PDF was written (${pdf.length} bytes)`);
      // Back on screen, the files the reader had closed are closed again.
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction(() => document.querySelectorAll('[data-what-changed] details[open]').length === 0, undefined, { timeout: 5_000 }).catch(() => undefined);
      assert.equal((await state()).open, before.open, 'after printing, "What changed" is as the reader left it');
    } finally {
      await context.close();
    }
  });
});
