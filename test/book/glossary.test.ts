/**
 * The glossary (book/c-glossary.md) sends readers to the section that explains each term, so a
 * link that leads nowhere is a broken promise. This test reads every entry and fails when one
 * has no link into the book, when a link names a page that does not exist or is still a draft,
 * or when its #anchor is not one the site gives a heading of that page.
 *
 * Anchors are computed as Docusaurus computes them: the heading's text as mdast sees it, an
 * explicit `{#id}` when there is one, otherwise github-slugger (through Docusaurus's own
 * createSlugger), with `-1`, `-2` … for repeated headings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createSlugger, parseMarkdownHeadingId } from '@docusaurus/utils';
import type { Heading, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { readFrontMatter } from '../../scripts/book/lib/markdown.js';
import { ROOT } from './helpers.js';

const BOOK = join(ROOT, 'book');
const GLOSSARY = 'c-glossary.md';

/** One page of the book as the checks need it: is it a draft, and which anchors does it have. */
interface Page {
  draft: boolean;
  anchors: Set<string>;
}

interface Entry {
  term: string;
  line: number;
  links: string[];
}

function parse(markdown: string): Root {
  const lines = markdown.split('\n');
  const { end } = readFrontMatter(lines);
  // Keep the line numbers of the file: blank lines stand in for the front matter.
  return fromMarkdown([...lines.slice(0, end).map(() => ''), ...lines.slice(end)].join('\n'));
}

function visit(node: Nodes, onNode: (node: Nodes) => void): void {
  onNode(node);
  if ('children' in node) for (const child of node.children) visit(child, onNode);
}

/** The ids Docusaurus gives the headings of a page, in order. */
export function headingAnchors(markdown: string): string[] {
  const slugger = createSlugger();
  const anchors: string[] = [];
  visit(parse(markdown), (node) => {
    if (node.type !== 'heading') return;
    // As Docusaurus's headings plugin: raw HTML in a heading is not part of its text.
    const text = toString((node as Heading).children.filter((child) => child.type !== 'html'));
    const { id } = parseMarkdownHeadingId(text);
    anchors.push(id ?? slugger.slug(text));
  });
  return anchors;
}

/** Every page of a book folder, by file name. */
export function readBook(folder: string): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
    const markdown = readFileSync(join(folder, name), 'utf8');
    const { data } = readFrontMatter(markdown.split('\n'));
    pages.set(name, { draft: data.status === 'draft', anchors: new Set(headingAnchors(markdown)) });
  }
  return pages;
}

/** The glossary's entries: each paragraph that starts with a bold term, with the links in it. */
export function glossaryEntries(markdown: string): Entry[] {
  const entries: Entry[] = [];
  visit(parse(markdown), (node) => {
    if (node.type !== 'paragraph') return;
    const [first] = node.children;
    if (first?.type !== 'strong') return;
    const links: string[] = [];
    visit(node, (inner) => inner.type === 'link' && links.push(inner.url));
    entries.push({ term: toString(first), line: node.position?.start.line ?? 0, links });
  });
  return entries;
}

/** What is wrong with a glossary, one message per problem; an empty list means nothing is. */
export function glossaryProblems(markdown: string, pages: Map<string, Page>): string[] {
  const problems: string[] = [];
  const entries = glossaryEntries(markdown);
  if (entries.length === 0) problems.push('the glossary has no entries (paragraphs that start with a **term**)');
  const seen = new Set<string>();
  for (const { term, line, links } of entries) {
    const where = `line ${line}, "${term}"`;
    if (seen.has(term.toLowerCase())) problems.push(`${where}: defined twice`);
    seen.add(term.toLowerCase());
    const bookLinks = links.filter((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url));
    if (bookLinks.length === 0) problems.push(`${where}: no link to the chapter that explains it`);
    for (const url of bookLinks) {
      const match = /^\.\/([^/#?]+\.md)(?:#(.+))?$/.exec(url);
      if (!match) {
        problems.push(`${where}: "${url}" is not a link to a book page (./NN-slug.md#anchor)`);
        continue;
      }
      const [, file, anchor] = match;
      const page = pages.get(file);
      if (!page) problems.push(`${where}: "${url}" names a page that does not exist`);
      else if (file === GLOSSARY) problems.push(`${where}: "${url}" links the glossary to itself`);
      else if (page.draft) problems.push(`${where}: "${url}" leads to a page still marked status: draft`);
      else if (anchor !== undefined && !page.anchors.has(anchor)) {
        problems.push(`${where}: "${url}" names no heading of ${file}`);
      }
    }
  }
  const terms = entries.map(({ term }) => term);
  const sorted = [...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  const firstOutOfPlace = terms.findIndex((term, index) => term !== sorted[index]);
  if (firstOutOfPlace !== -1) {
    problems.push(`entries are not in alphabetical order: "${terms[firstOutOfPlace]}" where "${sorted[firstOutOfPlace]}" belongs`);
  }
  return problems;
}

describe('headingAnchors', () => {
  test('slugs headings as Docusaurus does: lower case, punctuation dropped, code spans kept as text', () => {
    const page = [
      '## The `http` event',
      '### Why `GET /drivers/{driverId}` reads every rating',
      '## On your laptop: AWS\'s behaviour, and the book\'s stand-in',
      '## The two 429s from the gateway',
      '### Throttling and outages: 503 with Retry-After',
      '## What is *really* [sent](https://example.com)?',
    ].join('\n\n');
    assert.deepEqual(headingAnchors(page), [
      'the-http-event',
      'why-get-driversdriverid-reads-every-rating',
      'on-your-laptop-awss-behaviour-and-the-books-stand-in',
      'the-two-429s-from-the-gateway',
      'throttling-and-outages-503-with-retry-after',
      'what-is-really-sent',
    ]);
  });

  test('numbers repeated headings and honours an explicit {#id}', () => {
    const page = ['## Try it', '### What it costs', '## Deploy it', '### What it costs', '## Installing {#installing}'].join('\n\n');
    assert.deepEqual(headingAnchors(page), ['try-it', 'what-it-costs', 'deploy-it', 'what-it-costs-1', 'installing']);
  });

  test('ignores lines that only look like headings: in code blocks and in front matter', () => {
    const page = ['---', 'title: A page', '---', '', '```bash', '# not a heading', '```', '', '## A heading'].join('\n');
    assert.deepEqual(headingAnchors(page), ['a-heading']);
  });
});

describe('glossaryProblems', () => {
  const pages = new Map<string, Page>([
    ['13-rate-limits.md', { draft: false, anchors: new Set(['the-token-bucket']) }],
    ['14-versioning.md', { draft: true, anchors: new Set() }],
    [GLOSSARY, { draft: false, anchors: new Set() }],
  ]);
  const glossary = (...entries: string[]): string => `---\ntitle: Glossary\n---\n\n${entries.join('\n\n')}\n`;

  test('accepts entries in order, each linked to a heading that exists', () => {
    const good = glossary(
      '**Burst**: how many requests at once. Chapter 13, [The token bucket](./13-rate-limits.md#the-token-bucket).',
      '**quota**: requests per day. [Chapter 13](./13-rate-limits.md), and [AWS](https://docs.aws.amazon.com/).',
    );
    assert.deepEqual(glossaryProblems(good, pages), []);
  });

  test('reports an entry without a link, a missing page, a missing anchor and a draft page', () => {
    const bad = glossary(
      '**Burst**: no link at all.',
      '**Cursor**: [here](./11-queries.md#one-page-at-a-time).',
      '**Quota**: [here](./13-rate-limits.md#the-quota).',
      '**Version**: [here](./14-versioning.md).',
    );
    assert.deepEqual(glossaryProblems(bad, pages), [
      'line 5, "Burst": no link to the chapter that explains it',
      'line 7, "Cursor": "./11-queries.md#one-page-at-a-time" names a page that does not exist',
      'line 9, "Quota": "./13-rate-limits.md#the-quota" names no heading of 13-rate-limits.md',
      'line 11, "Version": "./14-versioning.md" leads to a page still marked status: draft',
    ]);
  });

  test('reports entries out of alphabetical order, a term defined twice, and links that are not to a page', () => {
    const bad = glossary(
      '**Quota**: [Chapter 13](./13-rate-limits.md).',
      '**Burst**: [Chapter 13](/docs/13-rate-limits).',
      '**quota**: [Glossary](./c-glossary.md).',
    );
    assert.deepEqual(glossaryProblems(bad, pages), [
      'line 7, "Burst": "/docs/13-rate-limits" is not a link to a book page (./NN-slug.md#anchor)',
      'line 9, "quota": defined twice',
      'line 9, "quota": "./c-glossary.md" links the glossary to itself',
      'entries are not in alphabetical order: "Quota" where "Burst" belongs',
    ]);
  });
});

describe('book/c-glossary.md', () => {
  test('every entry links to a written page of the book, at a heading that exists, in alphabetical order', () => {
    const markdown = readFileSync(join(BOOK, GLOSSARY), 'utf8');
    assert.deepEqual(glossaryProblems(markdown, readBook(BOOK)), []);
  });
});
