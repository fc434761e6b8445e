// Just enough Markdown for the book checks: front matter, and fenced code blocks with their
// info string and exact line positions, so that a refresh can rewrite one block's body and
// leave every other byte of the page alone.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Attributes from a fence's meta: `run=07-dynamodb title="Create a driver" aws`. Flags are `true`. */
export type FenceAttributes = Record<string, string | true>;

export interface Fence {
  /** The language word, lower-cased (`console`, `ts`, …); empty when the fence has none. */
  lang: string;
  /** Everything after the language word, trimmed. */
  meta: string;
  attrs: FenceAttributes;
  /** 0-based index of the opening fence line in the page. */
  openLine: number;
  /** 0-based index of the closing fence line; equals the page's line count when unclosed. */
  closeLine: number;
  /** Spaces before the opening fence; the same amount is removed from (and restored to) body lines. */
  indent: number;
  /** The body, one entry per line, with the fence's indentation removed. */
  body: string[];
}

export interface Page {
  /** Absolute path. */
  path: string;
  /** Path shown in messages, relative to the repository root. */
  displayPath: string;
  text: string;
  lines: string[];
  eol: '\n' | '\r\n';
  frontMatter: Record<string, unknown>;
  fences: Fence[];
}

const OPENING = /^( *)(`{3,}|~{3,})(.*)$/;

/** Splits a fence's info string into its language and its meta. */
export function splitInfo(info: string): { lang: string; meta: string } {
  const trimmed = info.trim();
  const space = trimmed.search(/\s/);
  if (space === -1) return { lang: trimmed.toLowerCase(), meta: '' };
  return { lang: trimmed.slice(0, space).toLowerCase(), meta: trimmed.slice(space).trim() };
}

/**
 * Parses `key=value key="quoted value" key='single' flag` into an object.
 * Throws on an unterminated quote, so that a typo in a block's meta is reported, not ignored.
 */
export function parseMeta(meta: string): FenceAttributes {
  const attrs: FenceAttributes = {};
  let i = 0;
  while (i < meta.length) {
    while (i < meta.length && /\s/.test(meta[i]!)) i++;
    if (i >= meta.length) break;
    const keyMatch = /^[^\s=]+/.exec(meta.slice(i));
    if (!keyMatch) throw new Error(`cannot read the fence meta "${meta}" at column ${i + 1}`);
    const key = keyMatch[0];
    i += key.length;
    if (meta[i] !== '=') {
      attrs[key] = true;
      continue;
    }
    i++;
    const quote = meta[i];
    if (quote === '"' || quote === "'") {
      const end = meta.indexOf(quote, i + 1);
      if (end === -1) throw new Error(`unterminated ${quote} in the fence meta "${meta}"`);
      attrs[key] = meta.slice(i + 1, end);
      i = end + 1;
    } else {
      const valueMatch = /^\S*/.exec(meta.slice(i))!;
      attrs[key] = valueMatch[0];
      i += valueMatch[0].length;
    }
  }
  return attrs;
}

/**
 * Finds fenced code blocks (CommonMark: three or more backticks or tildes; a closing fence uses
 * the same character and is at least as long). Fences nested inside a longer fence are body text.
 */
export function findFences(lines: readonly string[], startLine = 0): Fence[] {
  const fences: Fence[] = [];
  let i = startLine;
  while (i < lines.length) {
    const open = OPENING.exec(lines[i]!);
    if (!open || (open[2]!.startsWith('`') && open[3]!.includes('`'))) {
      i++;
      continue;
    }
    const indent = open[1]!.length;
    const marker = open[2]!;
    const { lang, meta } = splitInfo(open[3]!);
    const closing = new RegExp(`^ *${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let close = i + 1;
    while (close < lines.length && !closing.test(lines[close]!)) close++;
    const body = lines.slice(i + 1, close).map((line) => stripIndent(line, indent));
    let attrs: FenceAttributes;
    try {
      attrs = parseMeta(meta);
    } catch (error) {
      throw new Error(`line ${i + 1}: ${(error as Error).message}`);
    }
    fences.push({ lang, meta, attrs, openLine: i, closeLine: close, indent, body });
    i = close + 1;
  }
  return fences;
}

function stripIndent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === ' ') n++;
  return line.slice(n);
}

/** Returns the line index after the front matter (0 when there is none) and its parsed data. */
export function readFrontMatter(lines: readonly string[]): { data: Record<string, unknown>; end: number } {
  if (lines[0]?.trim() !== '---') return { data: {}, end: 0 };
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close === -1) return { data: {}, end: 0 };
  const parsed: unknown = parseYaml(lines.slice(1, close).join('\n'));
  const data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return { data, end: close + 1 };
}

export function readPage(path: string, root: string): Page {
  const text = readFileSync(path, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const fromRoot = relative(root, path);
  const displayPath = fromRoot && !fromRoot.startsWith('..') ? fromRoot : path;
  let frontMatter: Record<string, unknown>;
  let end: number;
  try {
    ({ data: frontMatter, end } = readFrontMatter(lines));
  } catch (error) {
    throw new Error(`${displayPath}: cannot read the front matter: ${(error as Error).message}`);
  }
  let fences: Fence[];
  try {
    fences = findFences(lines, end);
  } catch (error) {
    throw new Error(`${displayPath}:${(error as Error).message.replace(/^line /, '')}`);
  }
  return { path, displayPath, text, lines, eol, frontMatter, fences };
}

/** Every `.md` and `.mdx` file under `dir`, sorted, so that runs and messages are in book order. */
/** Files below `dir` whose names match `pattern`, sorted; hidden folders and node_modules are skipped. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

function listPages(dir: string): string[] {
  return listFiles(dir, /\.mdx?$/);
}

/** Every page of the book, read; a page that cannot be read becomes a line in `problems`. */
export function readPages(dir: string, root: string, problems: string[]): Page[] {
  const pages: Page[] = [];
  for (const path of listPages(dir)) {
    try {
      pages.push(readPage(path, root));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return pages;
}

/** Replaces the body of each given fence; fences are identified by their opening line. */
export function replaceBodies(page: Page, bodies: ReadonlyMap<number, readonly string[]>): string {
  const out: string[] = [];
  let i = 0;
  for (const fence of page.fences) {
    const body = bodies.get(fence.openLine);
    if (!body) continue;
    out.push(...page.lines.slice(i, fence.openLine + 1));
    const pad = ' '.repeat(fence.indent);
    out.push(...body.map((line) => (line === '' ? '' : pad + line)));
    i = fence.closeLine;
  }
  out.push(...page.lines.slice(i));
  return out.join(page.eol);
}
