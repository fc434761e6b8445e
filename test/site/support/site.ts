/**
 * What the browser tests know about the book and its built site: the pages, their routes, which
 * ones embed code or draw diagrams, and a running server plus browser for the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BASE_URL, BOOK_DIR, BUILD_DIR, CODE_DIR, REPO, REPO_URL, ROOT_DIR, SITE_URL } from '../../../website/site-settings';
import { launchChromium, type LaunchedBrowser } from './browser';
import { serveBuild, type StaticServer } from './static-server';

export { BASE_URL, BOOK_DIR, BUILD_DIR, CODE_DIR, REPO, REPO_URL, ROOT_DIR };

export const OUTPUT_DIR = path.join(ROOT_DIR, 'test-output', 'site');

export interface BookPage {
  /** File name without extension, also the doc id: "07-dynamodb". */
  id: string;
  file: string;
  /** Route below the base URL: "" for the home page, "07-dynamodb" otherwise. */
  route: string;
  title: string;
  code: string | undefined;
  markdown: string;
  hasDiagram: boolean;
  /** `file=PATH#REGION` references of embedded code fences, in order. */
  embeds: { file: string; region: string | undefined }[];
  hasWhatChanged: boolean;
}

export function bookPages(): BookPage[] {
  return fs
    .readdirSync(BOOK_DIR)
    .filter((name) => /\.mdx?$/.test(name) && name !== 'README.md')
    .sort()
    .map((name) => {
      const file = path.join(BOOK_DIR, name);
      const text = fs.readFileSync(file, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const front = (match ? parseYaml(match[1]!) : {}) as Record<string, unknown>;
      const id = name.replace(/\.mdx?$/, '');
      const slug = typeof front.slug === 'string' ? front.slug : undefined;
      const route = slug ? slug.replace(/^\//, '') : id;
      const markdown = match ? text.slice(match[0].length) : text;
      const embeds = [...markdown.matchAll(/^\s*`{3,}\S*[^\n]*?\bfile=(\S+)/gm)].map((m) => {
        const [file, region] = m[1]!.replace(/^"|"$/g, '').split('#');
        return { file: file!, region: region || undefined };
      });
      return {
        id,
        file,
        route,
        title: String(front.title ?? id),
        code: typeof front.code === 'string' ? front.code : undefined,
        markdown,
        hasDiagram: /^\s*`{3,}mermaid\b/m.test(markdown),
        embeds,
        hasWhatChanged: /<WhatChanged\b/.test(markdown),
      };
    });
}

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
  const skip = new Set(['node_modules', '.serverless', '.esbuild', '.build', 'dist', 'coverage', '.dynamodb', 'test-output', '.DS_Store', 'package-lock.json']);
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
