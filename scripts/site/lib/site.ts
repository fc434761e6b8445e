/**
 * What the site's tools and tests know about the book: where things are, and the pages with their
 * routes and which ones embed code or draw diagrams.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BOOK_DIR, ROOT_DIR } from '../../../website/site-settings';

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
