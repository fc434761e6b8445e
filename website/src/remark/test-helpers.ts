/**
 * Helpers for the remark plugins' unit tests: a throw-away repository on disk and a way to run a
 * plugin over MDX text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Node } from 'unist';

/** Writes `files` (path → content) under a fresh temporary directory and returns its path. */
export function makeRepo(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rtr-remark-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function removeRepo(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

type Plugin = (options: never) => (tree: Node, file: never) => void;

/** Parses MDX, runs one plugin with the given front matter, and returns the tree. */
export async function runPlugin(
  plugin: Plugin,
  options: unknown,
  mdx: string,
  frontMatter: Record<string, unknown> = {},
): Promise<Node> {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkMdx } = await import('remark-mdx');
  const { VFile } = await import('vfile');
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(plugin as never, options as never);
  const file = new VFile({ value: mdx, path: '/book/test.md', data: { frontMatter } });
  return processor.run(processor.parse(file), file);
}

/** Compiles MDX to JavaScript with one plugin, proving the nodes it inserts are valid. */
export async function compileWith(plugin: Plugin, options: unknown, mdx: string, frontMatter = {}): Promise<string> {
  const { compile } = await import('@mdx-js/mdx');
  const { VFile } = await import('vfile');
  const file = new VFile({ value: mdx, path: '/book/test.md', data: { frontMatter } });
  const result = await compile(file, { format: 'mdx', remarkPlugins: [[plugin as never, options]] });
  return String(result);
}

/** The nodes of a tree of a given type, depth first. */
export function nodesOfType(tree: Node, type: string): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === type) found.push(node);
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(tree);
  return found;
}
