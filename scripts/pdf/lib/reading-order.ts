/**
 * The order the PDF follows: the site's sidebar (website/sidebars.ts), part by part, then the
 * pages of the API's problem types, which the book links to and the sidebar does not list.
 */
import fs from 'node:fs';
import path from 'node:path';
import sidebars from '../../../website/sidebars';
import { bookPages } from '../../site/lib/site';

export interface Chapter {
  /** Doc id, also the file name: "07-dynamodb". */
  id: string;
  /** Route below the base URL ("" for the home page). */
  route: string;
  /** Front matter title, without the number the site adds. */
  title: string;
}

export interface Part {
  /** The sidebar category's label ("Part II: A real API"); undefined for pages outside any. */
  label: string | undefined;
  chapters: Chapter[];
}

type SidebarItem = string | { type: string; id?: string; label?: string; items?: SidebarItem[] };

/**
 * Whether a built page is a draft (`status: draft`): the site gives it a banner that says it is not
 * written yet (website/src/components/Unfinished). Read from the build, not book/, so the PDF
 * agrees with the site it is printed from.
 */
export function isDraftPage(html: string): boolean {
  return /data-unfinished-page/.test(html);
}

/** The book's parts and chapters in the sidebar's order; fails on a sidebar id with no page. */
export function bookParts(items: SidebarItem[] = sidebars.book as SidebarItem[]): Part[] {
  const pages = new Map(bookPages().map((page) => [page.id, page]));
  const chapter = (id: string): Chapter => {
    const page = pages.get(id);
    if (!page) throw new Error(`website/sidebars.ts lists "${id}", which is not a page in book/`);
    return { id, route: page.route, title: page.title };
  };
  const parts: Part[] = [];
  const loose: Chapter[] = [];
  const flatten = (list: SidebarItem[]): Chapter[] =>
    list.flatMap((item) => {
      if (typeof item === 'string') return [chapter(item)];
      if (item.type === 'doc' && item.id) return [chapter(item.id)];
      if (item.type === 'category') return flatten(item.items ?? []);
      return [];
    });
  for (const item of items) {
    if (typeof item !== 'string' && item.type === 'category') {
      if (loose.length) parts.push({ label: undefined, chapters: loose.splice(0) });
      parts.push({ label: item.label, chapters: flatten(item.items ?? []) });
    } else loose.push(...flatten([item]));
  }
  if (loose.length) parts.push({ label: undefined, chapters: loose });
  return parts;
}

/**
 * The problem-type pages of the built site, in the order the list at /problems gives them: the
 * list's own route first, then each type's.
 */
export function problemRoutes(buildDir: string, baseUrl: string): string[] {
  const listFile = path.join(buildDir, 'problems.html');
  if (!fs.existsSync(listFile)) return [];
  const html = fs.readFileSync(listFile, 'utf8');
  const prefix = `${baseUrl}problems/`;
  const routes = [...html.matchAll(/href="?([^"\s>]+)/g)]
    .map((m) => m[1]!)
    .filter((href) => href.startsWith(prefix))
    .map((href) => href.slice(baseUrl.length).split('#')[0]!);
  return ['problems', ...new Set(routes)];
}
