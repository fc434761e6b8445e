/**
 * Appendix A (book/a-troubleshooting.md) promises two things that can rot without anyone
 * noticing. Chapters send readers to its sections by anchor, so a renamed section strands them;
 * and it quotes, word for word, messages that the chapters' own code prints (local/dev.ts,
 * local/stack.ts, serverless.yml …), most of them in blocks that no verifier reruns, so a reworded
 * message makes the appendix describe something the reader never sees. This test fails on both,
 * and on a link from the appendix to a heading of another page that does not exist.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createSlugger, parseMarkdownHeadingId } from '@docusaurus/utils';
import type { Heading, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { readFrontMatter } from '../../scripts/book/lib/markdown.js';
import { ROOT } from './helpers.js';

const BOOK = join(ROOT, 'book');
const CODE = join(ROOT, 'chapters-code');
const APPENDIX = 'a-troubleshooting.md';

/** The sections that chapters were promised when the appendix was a stub: they must stay. */
const PROMISED = [
  'node-too-old', 'npm-install-fails', 'java-missing',
  'port-in-use', 'local-database-not-answering', 'dev-never-ready',
  'tests-time-out', 'tests-leave-processes',
  'no-credentials', 'expired-credentials', 'access-denied-on-deploy', 'missing-ssm-parameter', 'stack-rollback', 'remove-finds-nothing',
  'missing-authentication-token', 'bad-gateway', 'access-denied-in-function-logs',
];

/**
 * Messages the appendix quotes from the chapters' code: each must appear in the appendix, and in
 * `file` of every code chapter from `since` on (earlier chapters have no such file, or print
 * something else, as chapter 5's single function does).
 */
const QUOTED: Array<{ message: string; file: string; since: string }> = [
  { message: 'is already in use. Stop what uses it, or run PORT=3001 npm run dev.', file: 'local/dev.ts', since: '06' },
  { message: 'npm run dev failed: ', file: 'local/dev.ts', since: '06' },
  { message: 'Driver Ratings API ready at ', file: 'local/dev.ts', since: '06' },
  { message: 'stopped unexpectedly (exit code ', file: 'local/stack.ts', since: '06' },
  { message: 'Could not start DynamoDB Local: ', file: 'local/dynamodb-local.ts', since: '07' },
  { message: ' DynamoDB Local needs Java 17 or newer on your PATH.', file: 'local/dynamodb-local.ts', since: '07' },
  { message: 'DynamoDB Local did not answer: ', file: 'local/dynamodb-local.ts', since: '07' },
  { message: 'DynamoDB Local exited with code ', file: 'local/dynamodb-local.ts', since: '07' },
  { message: 'The ratings store is busy or unreachable. Try again shortly.', file: 'src/http/handle.ts', since: '08' },
  { message: 'Something went wrong on our side. It has been logged.', file: 'src/http/handle.ts', since: '08' },
  { message: 'No route matches this method and path.', file: 'serverless.yml', since: '08' },
  { message: 'The API could not check the token just now. Try again shortly.', file: 'serverless.yml', since: '12' },
  { message: 'This route needs a partner API key in the x-api-key header.', file: 'serverless.yml', since: '12' },
  { message: 'testTimeout: 30_000', file: 'jest.config.js', since: '06' },
];

function visit(node: Nodes, onNode: (node: Nodes) => void): void {
  onNode(node);
  if ('children' in node) for (const child of node.children) visit(child, onNode);
}

/** The body of a page, front matter blanked out, as the site parses it. */
function body(markdown: string): string {
  const lines = markdown.split('\n');
  const { end } = readFrontMatter(lines);
  return [...lines.slice(0, end).map(() => ''), ...lines.slice(end)].join('\n');
}

/** The ids Docusaurus gives a page's headings: an explicit {#id}, or github-slugger's. */
function headingAnchors(markdown: string): Set<string> {
  const slugger = createSlugger();
  const anchors = new Set<string>();
  visit(fromMarkdown(body(markdown)), (node) => {
    if (node.type !== 'heading') return;
    const text = toString((node as Heading).children.filter((child) => child.type !== 'html'));
    anchors.add(parseMarkdownHeadingId(text).id ?? slugger.slug(text));
  });
  return anchors;
}

function links(markdown: string): string[] {
  const urls: string[] = [];
  visit(fromMarkdown(body(markdown)), (node) => node.type === 'link' && urls.push(node.url));
  return urls;
}

const pages = new Map(
  readdirSync(BOOK)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(join(BOOK, name), 'utf8')] as const),
);
const appendix = pages.get(APPENDIX) ?? '';
const appendixAnchors = headingAnchors(appendix);

describe('Appendix A: troubleshooting', () => {
  test('keeps every section the chapters were promised', () => {
    const missing = PROMISED.filter((id) => !appendixAnchors.has(id));
    assert.deepEqual(missing, [], `sections missing from book/${APPENDIX}`);
  });

  test('has a section for every link into it from another page', () => {
    const broken: string[] = [];
    for (const [name, markdown] of pages) {
      if (name === APPENDIX) continue;
      for (const url of links(markdown)) {
        const match = /^\.\/a-troubleshooting\.md#(.+)$/.exec(url);
        if (match && !appendixAnchors.has(match[1]!)) broken.push(`${name}: ${url}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test("links only to headings that exist, on pages that exist", () => {
    const broken: string[] = [];
    for (const url of links(appendix)) {
      const match = /^\.\/([^/#?]+\.md)(?:#(.+))?$/.exec(url);
      if (match) {
        const [, file, anchor] = match;
        const page = pages.get(file!);
        if (page === undefined) broken.push(`${url}: no such page`);
        else if (anchor !== undefined && !headingAnchors(page).has(anchor)) broken.push(`${url}: no such heading`);
      } else if (url.startsWith('#') && !appendixAnchors.has(url.slice(1))) {
        broken.push(`${url}: no such section`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('is no longer a draft', () => {
    const { data } = readFrontMatter(appendix.split('\n'));
    assert.notEqual(data.status, 'draft');
  });

  test("quotes the chapters' own messages as their code prints them", () => {
    const chapters = readdirSync(CODE).filter((name) => /^\d\d-/.test(name));
    assert.ok(chapters.length > 0, 'no code chapters found');
    const problems: string[] = [];
    for (const { message, file, since } of QUOTED) {
      if (!appendix.includes(message.trim())) problems.push(`the appendix no longer quotes "${message.trim()}"`);
      const owners = chapters.filter((chapter) => chapter.slice(0, 2) >= since);
      if (owners.length === 0) problems.push(`no chapter from ${since} on, for "${message}"`);
      for (const chapter of owners) {
        const path = join(CODE, chapter, file);
        if (!existsSync(path)) problems.push(`${chapter}/${file} does not exist, but the appendix quotes it`);
        else if (!readFileSync(path, 'utf8').includes(message)) problems.push(`${chapter}/${file} no longer says "${message}"`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
