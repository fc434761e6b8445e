/**
 * The reader-facing features of the built site: real listings, "What changed", the chapter code
 * box, search, dark mode, the phone-sized sidebar, diagrams loaded only where drawn, edit links,
 * table of contents, previous/next, favicon and social card; and light and dark screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sidebars from '../../website/sidebars';
import { parseColor } from '../../website/src/theme-colors/contrast';
import { darkCodeTheme, lightCodeTheme } from '../../website/src/theme-colors/code-themes';
import { chapterNumber, numberedTitle } from '../../website/src/plugins/book-pages';
import {
  BUILD_DIR,
  CODE_DIR,
  OUTPUT_DIR,
  REPO,
  REPO_URL,
  ROOT_DIR,
  bookPages,
  builtHtml,
  chapterFiles,
  drawDiagrams,
  startSite,
  type BookPage,
  type RunningSite,
} from './support/site';

/** The book's pages, with their titles as the site shows them: "7. Storing ratings in DynamoDB". */
const pages = bookPages().map((p) => ({ ...p, title: numberedTitle(chapterNumber(p.file), p.title) }));
const byRoute = (route: string) => pages.find((p) => p.route === route)!;
/** A code chapter without a diagram, and a page with one. */
const plainChapter = pages.find((p) => p.code && !p.hasDiagram && p.embeds.length > 0);
const diagramPage = pages.find((p) => p.hasDiagram);
/** Something that every built page loads only if it holds the Mermaid library itself. */
const MERMAID_MARKER = 'mermaidAPI';

/** The region as the test reads it from the file itself: markers dropped, dedented, trimmed. */
function regionOf(file: string, region: string | undefined): string {
  const lines = fs.readFileSync(path.join(ROOT_DIR, file), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const marker = /^\s*(\/\/|#|<!--|\/\*)\s*#(end)?region\b/;
  let body = lines;
  if (region) {
    const start = lines.findIndex((l) => new RegExp(`#region\\s+${region}\\s*(-->|\\*/)?\\s*$`).test(l));
    assert.ok(start >= 0, `region ${region} in ${file}`);
    let depth = 0;
    let end = -1;
    for (let i = start + 1; i < lines.length; i += 1) {
      if (new RegExp(`#endregion\\s+${region}\\b`).test(lines[i]!)) {
        end = i;
        break;
      }
      if (/#region\s+\S/.test(lines[i]!) && marker.test(lines[i]!)) depth += 1;
      else if (/#endregion\s*((-->|\*\/)\s*)?$/.test(lines[i]!) && marker.test(lines[i]!)) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth -= 1;
      }
    }
    body = lines.slice(start + 1, end);
  }
  body = body.filter((l) => !marker.test(l));
  while (body.length && !body[0]!.trim()) body.shift();
  while (body.length && !body[body.length - 1]!.trim()) body.pop();
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return body.map((l) => (l.trim() ? l.slice(indent) : '')).join('\n');
}

/**
 * Waits for a link followed inside the site to reach the page at `route`. The address changes
 * first and the new page is drawn once its content has loaded, so this waits for its heading too.
 * Returns the heading shown then, for the caller to check (if the page never came, the old one).
 */
async function arriveAt(page: Page, route: string, title: string, timeout = 15_000): Promise<string | null> {
  await page.waitForURL((url) => url.pathname.endsWith(`/${route}`), { timeout });
  const heading = page.locator('h1').first();
  await heading.filter({ hasText: title }).waitFor({ timeout }).catch(() => undefined);
  return heading.textContent();
}

/** The text a code block shows, line by line. */
async function shownCode(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((block) =>
    Array.from(block.querySelectorAll('.token-line')).map((line) => (line.textContent ?? '').replace(/\n$/, '')).join('\n'),
  );
}

describe('reader features', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
    fs.mkdirSync(path.join(OUTPUT_DIR, 'screenshots'), { recursive: true });
  });
  after(async () => {
    await site?.close();
  });

  async function open(route: string, options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}) {
    const context = await site.chromium.browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url(route), { waitUntil: 'networkidle' });
    // An idle network can come before React has hydrated the page on a busy machine; a pointer that
    // arrives before then sets off nothing (the copy buttons appear on pointer or focus).
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    return { page, context };
  }

  it('every embedded block shows exactly the region of the real file, titled and linked to its lines', async () => {
    const withEmbeds = pages.filter((p) => p.embeds.length);
    assert.ok(withEmbeds.length > 0, 'some chapter embeds code');
    for (const bookPage of withEmbeds) {
      const { page, context } = await open(bookPage.route);
      try {
        const blocks = page.locator('[data-embed-file]');
        assert.equal(await blocks.count(), bookPage.embeds.length, `${bookPage.id}: one block per file= fence`);
        for (const [index, embed] of bookPage.embeds.entries()) {
          const block = blocks.nth(index);
          assert.equal(await block.getAttribute('data-embed-file'), embed.file);
          assert.equal(await block.getAttribute('data-embed-region'), embed.region ?? '');
          const expected = regionOf(embed.file, embed.region);
          assert.equal(await shownCode(page, `[data-embed-file] >> nth=${index}`), expected, `${bookPage.id}: ${embed.file}#${embed.region ?? ''}`);
          const link = block.locator('a').first();
          assert.equal(await link.textContent(), embed.file, 'the title is the file path');
          const href = (await link.getAttribute('href'))!;
          assert.ok(href.startsWith(`${REPO_URL}/blob/${REPO.branch}/${embed.file}`), href);
          if (embed.region) {
            const [, from, to] = /#L(\d+)-L(\d+)$/.exec(href) ?? [];
            assert.ok(from && to, `${href} links to lines`);
            const fileLines = fs.readFileSync(path.join(ROOT_DIR, embed.file), 'utf8').split('\n');
            const shown = expected.split('\n');
            assert.equal(fileLines[Number(from) - 1]!.trim(), shown[0]!.trim(), 'the link starts at the first line shown');
            assert.equal(fileLines[Number(to) - 1]!.trim(), shown[shown.length - 1]!.trim(), 'and ends at the last');
          }
        }
      } finally {
        await context.close();
      }
    }
  });

  it('"What changed" lists exactly the added, removed and changed files against the previous chapter', async () => {
    const withDiff = pages.filter((p) => p.hasWhatChanged && p.code);
    assert.ok(withDiff.length > 0, 'some chapter has <WhatChanged />');
    const folders = fs.readdirSync(CODE_DIR).filter((n) => /^\d{2}-/.test(n)).sort();
    for (const bookPage of withDiff) {
      const to = bookPage.code!;
      const from = folders.filter((f) => f < to).pop();
      const after = chapterFiles(to);
      const before = from ? chapterFiles(from) : new Map<string, Buffer>();
      const expected: string[] = [];
      for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const a = before.get(file);
        const b = after.get(file);
        if (a && b && a.equals(b)) continue;
        expected.push(`${!a ? 'added' : !b ? 'removed' : 'changed'} ${file}`);
      }
      const { page, context } = await open(bookPage.route);
      try {
        const block = page.locator('[data-what-changed]');
        assert.equal(await block.getAttribute('data-from'), from ?? '');
        const shown = await block.locator('details[data-path]').evaluateAll((items) =>
          items.map((item) => `${item.getAttribute('data-status')} ${item.getAttribute('data-path')}`),
        );
        assert.deepEqual(shown, expected, `${bookPage.id} against ${from}`);
        const first = block.locator('details[data-path]').first();
        await first.locator('summary').click();
        await first.locator('pre').waitFor({ timeout: 15_000 });
        assert.match((await first.locator('pre').textContent()) ?? '', /^(---|\+\+\+) /m, 'each file opens to a unified diff');
      } finally {
        await context.close();
      }
    }
  });

  it('a "What changed" file opened before the scripts have run still shows its diff', async () => {
    const bookPage = pages.find((p) => p.hasWhatChanged && p.code);
    assert.ok(bookPage, 'some chapter has <WhatChanged />');
    const context = await site.chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      // Hold every script until the reader has opened a file, as on a slow connection.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/*.js', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(site.url(bookPage.route), { waitUntil: 'domcontentloaded' });
      const first = page.locator('[data-what-changed] details[data-path]').first();
      await first.locator('summary').click();
      assert.equal(await first.evaluate((details) => (details as HTMLDetailsElement).open), true, 'the browser opened it');
      release();
      await first.locator('pre').waitFor({ timeout: 15_000 });
      assert.match((await first.locator('pre').textContent()) ?? '', /^(---|\+\+\+) /m);
    } finally {
      await context.close();
    }
  });

  it('a code block gets its copy button when pointed at or focused, and the button copies', async () => {
    assert.ok(plainChapter, 'a code chapter without a diagram');
    const { page, context } = await open(plainChapter.route);
    try {
      const blocks = page.locator('[data-embed-file]');
      const copy = (nth: number) => blocks.nth(nth).getByRole('button', { name: /copy/i });
      assert.equal(await copy(0).count(), 0, 'no buttons before the reader reaches for the block');
      await blocks.nth(0).locator('pre').hover();
      await copy(0).click();
      await blocks.nth(0).getByRole('button', { name: /copied/i }).waitFor({ timeout: 5_000 });
      // By keyboard: focus the block, and the next Tab reaches its buttons.
      await blocks.nth(1).locator('pre').focus();
      await copy(1).waitFor({ state: 'attached', timeout: 5_000 });
      await page.keyboard.press('Tab');
      const focused = await blocks.nth(1).evaluate((block) => {
        const active = document.activeElement;
        return active instanceof HTMLButtonElement && block.contains(active) ? active.getAttribute('aria-label') : null;
      });
      assert.match(focused ?? '', /copy|word wrap/i, 'Tab moves from the block to one of its buttons');
    } finally {
      await context.close();
    }
  });

  it('listings reached by a link inside the site are highlighted too', async () => {
    // A page the browser opened keeps the listings the build highlighted; one reached by a link is
    // drawn in the browser, which fetches the tokenizer for it.
    assert.ok(plainChapter, 'a code chapter without a diagram');
    const index = pages.indexOf(plainChapter);
    assert.ok(index > 0, 'the chapter has a previous page');
    const { page, context } = await open(pages[index - 1]!.route);
    try {
      // A mark on the window: a page load would lose it, a link followed inside the page keeps it.
      await page.evaluate(() => Object.assign(window, { rtrSamePage: true }));
      await page.locator('.pagination-nav__link--next').click();
      assert.equal(await arriveAt(page, plainChapter.route, plainChapter.title), plainChapter.title);
      const block = page.locator('[data-embed-file]').first();
      await block.locator('pre .token').first().waitFor({ timeout: 10_000 });
      assert.equal(await page.evaluate(() => 'rtrSamePage' in window), true, 'no page load: the link was followed in the page');
      assert.equal(await shownCode(page, '[data-embed-file] >> nth=0'), regionOf(plainChapter.embeds[0]!.file, plainChapter.embeds[0]!.region));
    } finally {
      await context.close();
    }
  });

  it('listings are coloured by the style sheet of the reader\'s mode', async () => {
    // The blocks carry class names only; the colours come from one style sheet for both modes.
    assert.ok(plainChapter, 'a code chapter without a diagram');
    for (const [colorScheme, theme] of [['light', lightCodeTheme], ['dark', darkCodeTheme]] as const) {
      const { page, context } = await open(plainChapter.route, { colorScheme });
      try {
        const keyword = page.locator('[data-embed-file] pre .token.keyword').first();
        const shown = await keyword.evaluate((token) => getComputedStyle(token).color);
        // As in CSS, the theme's last entry for a type wins.
        const expected = [...theme.styles].reverse().find((entry) => entry.types.includes('keyword') && !entry.languages)?.style.color;
        assert.ok(expected, `the ${colorScheme} theme colours keywords`);
        assert.deepEqual(parseColor(shown), parseColor(expected), `${colorScheme}: a keyword's colour`);
      } finally {
        await context.close();
      }
    }
  });

  it('the "Code for this chapter" box appears exactly on pages with code front matter', () => {
    for (const bookPage of pages) {
      const html = builtHtml(bookPage.route);
      if (bookPage.code) {
        assert.match(html, new RegExp(`data-chapter-code="?${bookPage.code}`), bookPage.id);
        assert.ok(html.includes(`${REPO_URL}/tree/${REPO.branch}/chapters-code/${bookPage.code}`), `${bookPage.id} links the folder`);
        const text = html.replace(/<[^>]+>/g, '');
        assert.ok(text.includes(`sparse-checkout set --no-cone /chapters-code/${bookPage.code}/`), `${bookPage.id} shows how to fetch it`);
      } else {
        assert.doesNotMatch(html, /data-chapter-code/, bookPage.id);
      }
    }
  });

  it('search finds a chapter by a word that appears only in it', async () => {
    const texts = new Map(pages.map((p) => [p.id, builtHtml(p.route).replace(/<[^>]+>/g, ' ').toLowerCase()]));
    let target: BookPage | undefined;
    let word = '';
    for (const candidate of pages.filter((p) => p.route !== '')) {
      const prose = candidate.markdown
        .replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, ' ')
        .replace(/`[^`]*`/g, ' ')
        .replace(/<[^>]+>|\]\([^)]*\)/g, ' ');
      const words = [...new Set(prose.toLowerCase().match(/\b[a-z]{10,}\b/g) ?? [])].sort((a, b) => b.length - a.length || a.localeCompare(b));
      word = words.find((w) => [...texts].every(([id, text]) => id === candidate.id || !text.includes(w.slice(0, 7)))) ?? '';
      if (word) {
        target = candidate;
        break;
      }
    }
    assert.ok(target, 'some chapter has a word of its own');
    const { page, context } = await open('05-first-function');
    try {
      const input = page.locator('input.navbar__search-input');
      await input.click();
      await input.pressSequentially(word, { delay: 20 });
      const first = page.getByRole('option').first();
      await first.waitFor({ timeout: 15_000 });
      await input.press('Enter');
      assert.equal(await arriveAt(page, target.route, target.title), target.title, `"${word}" leads to ${target.id}`);
    } finally {
      await context.close();
    }
  });

  it('dark mode toggles and survives a reload', async () => {
    const { page, context } = await open('07-dynamodb', { colorScheme: 'light' });
    try {
      const theme = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
      assert.equal(await theme(), 'light');
      const toggle = page.getByRole('button', { name: /Switch between dark and light mode/ });
      for (let i = 0; i < 3 && (await theme()) !== 'dark'; i += 1) await toggle.click();
      assert.equal(await theme(), 'dark');
      await page.reload({ waitUntil: 'networkidle' });
      assert.equal(await theme(), 'dark', 'still dark after a reload');
    } finally {
      await context.close();
    }
  });

  it('the sidebar works on a phone-sized screen', async () => {
    const { page, context } = await open('05-first-function', { viewport: { width: 390, height: 844 } });
    try {
      const sidebar = page.locator('.navbar-sidebar');
      assert.equal(await page.locator('.theme-doc-sidebar-container').isVisible(), false, 'no desktop sidebar');
      await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
      await sidebar.waitFor({ state: 'visible' });
      const target = byRoute('07-dynamodb');
      await sidebar.getByRole('link', { name: target.title, exact: true }).click();
      assert.equal(await arriveAt(page, target.route, target.title), target.title);
      await page.waitForFunction(() => !document.querySelector('.navbar-sidebar--show'));
    } finally {
      await context.close();
    }
  });

  it('the diagram library loads only on pages that draw a diagram', async () => {
    assert.ok(plainChapter && diagramPage, 'the book has a code chapter without a diagram and a page with one');
    for (const [bookPage, expectMermaid] of [
      [plainChapter, false],
      [diagramPage, true],
    ] as const) {
      const context = await site.chromium.browser.newContext();
      const page = await context.newPage();
      const scripts: Promise<string>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
      });
      try {
        await page.goto(site.url(bookPage.route), { waitUntil: 'networkidle' });
        if (expectMermaid) assert.ok((await drawDiagrams(page)) > 0, 'the page draws a diagram');
        else await page.waitForTimeout(1000);
        const loaded = (await Promise.all(scripts)).some((source) => source.includes(MERMAID_MARKER));
        assert.equal(loaded, expectMermaid, `${bookPage.id}: Mermaid ${expectMermaid ? '' : 'not '}loaded`);
      } finally {
        await context.close();
      }
    }
  });

  it('every page has an edit link to its book/ file, a table of contents where it has sections, and previous/next links', () => {
    const order = (sidebars.book as { items: string[] }[]).flatMap((category) => category.items);
    for (const bookPage of pages) {
      const html = builtHtml(bookPage.route);
      const edit = /href="?([^" >]+)"?[^>]*class="?theme-edit-this-page/.exec(html)?.[1];
      assert.equal(edit, `${REPO_URL}/edit/${REPO.branch}/book/${path.basename(bookPage.file)}`, `${bookPage.id}: edit link`);
      const sections = (bookPage.markdown.replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, '').match(/^## /gm) ?? []).length;
      if (sections > 0) assert.match(html, /table-of-contents/, `${bookPage.id}: table of contents`);
      const index = order.indexOf(bookPage.id);
      assert.ok(index >= 0, `${bookPage.id} is in the sidebar`);
      const routeOf = (id: string) => pages.find((p) => p.id === id)!.route;
      if (index > 0) assert.match(html, new RegExp(`pagination-nav__link--prev"? href="?[^ >"]*/${routeOf(order[index - 1]!)}["> ]`), `${bookPage.id}: previous`);
      if (index < order.length - 1) assert.match(html, new RegExp(`pagination-nav__link--next"? href="?[^ >"]*/${routeOf(order[index + 1]!)}["> ]`), `${bookPage.id}: next`);
    }
  });

  it('has a favicon, a social card and a description on every page', async () => {
    const home = builtHtml('');
    const icon = /<link[^>]+rel="?icon"?[^>]+href="?([^" >]+)/.exec(home)?.[1];
    assert.ok(icon, 'favicon link');
    assert.equal((await fetch(`${site.server.origin}${icon}`)).status, 200);
    const card = /<meta[^>]+property="?og:image"?[^>]+content="?([^" >]+)/.exec(home)?.[1];
    assert.ok(card?.endsWith('/img/social-card.png'), `social card ${card}`);
    const png = fs.readFileSync(path.join(BUILD_DIR, 'img/social-card.png'));
    assert.equal(png.toString('ascii', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], 'a 1200×630 card');
    for (const bookPage of pages) {
      assert.match(builtHtml(bookPage.route), /<meta[^>]+name="?description"? content=("[^"]{20,}"|[^" >]{20,})/, `${bookPage.id}: description`);
    }
  });

  it('writes light and dark screenshots of a chapter page', async () => {
    const route = plainChapter?.route ?? '07-dynamodb';
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await open(route, { colorScheme });
      try {
        const theme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
        assert.equal(theme, colorScheme);
        // Listings are laid out only near the screen (content-visibility: auto), so a full-page
        // capture, which keeps the window where it is, would draw the far ones as empty boxes.
        // Drawn here as a reader scrolling past them sees them.
        const listingsSkipped = await page.evaluate(() => {
          document.querySelectorAll<HTMLElement>('body *').forEach((element) => {
            if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
          });
          // A listing inside a closed <details> is hidden to a reader too.
          const shown = Array.from(document.querySelectorAll('pre code')).filter((code) => !code.closest('details:not([open])'));
          return shown.filter((code) => !code.checkVisibility({ contentVisibilityAuto: true })).length;
        });
        assert.equal(listingsSkipped, 0, 'every listing is drawn in the screenshot');
        const file = path.join(OUTPUT_DIR, 'screenshots', `chapter-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(fs.statSync(file).size > 10_000, `${file} was written`);
      } finally {
        await context.close();
      }
    }
  });
});
