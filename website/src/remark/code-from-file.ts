/**
 * Remark plugin: a fenced code block whose meta has `file=PATH` or `file=PATH#REGION` shows that
 * file (or that region of it) instead of its own body.
 *
 *   ```ts file=chapters-code/07-dynamodb/src/handlers/create-rating.ts#store
 *   ```
 *
 * PATH is relative to the repository root. The block is replaced by an import of the file through
 * the site's chapter-data loader (so the bundler watches the file and never serves a stale copy)
 * and a <CodeFromFile> element. A missing file or region fails the build with a message naming
 * both. Every other word of the meta (`{2-4}`, `showLineNumbers`, `run=…`, unknown keys) is kept
 * and handed to the code block, which ignores what it does not know.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { extractRegion, splitFileReference } from '../../../scripts/lib/regions';
import { addImports, importDefault, jsxElement, walk } from './mdx-nodes';

export interface CodeFromFileOptions {
  /** Directory that `file=` paths are relative to: the repository root. */
  rootDir: string;
  /** Absolute path of the module that the chapter-data loader answers for. */
  dataModule: string;
  /** Import path of the component that renders the block. */
  component?: string;
}

interface CodeNode extends Node {
  type: 'code';
  lang?: string | null;
  meta?: string | null;
  value: string;
}

export interface FileReference {
  file: string;
  region: string | undefined;
  /** The meta without the `file=` word. */
  rest: string;
}

const FILE_WORD = /(^|\s)file=(?:"([^"]*)"|'([^']*)'|(\S+))/;

/** Finds `file=PATH#REGION` in a code fence's meta; undefined when there is none. */
export function parseFileReference(meta: string | null | undefined): FileReference | undefined {
  if (!meta) return undefined;
  const match = FILE_WORD.exec(meta);
  if (!match) return undefined;
  const { path: file, region } = splitFileReference(match[2] ?? match[3] ?? match[4] ?? '');
  const rest = (meta.slice(0, match.index) + match[1] + meta.slice(match.index + match[0].length))
    .replace(/\s+/g, ' ')
    .trim();
  return { file, region, rest };
}

/** Resolves a repository-relative path, refusing one that leaves the repository. */
export function resolveInRoot(rootDir: string, file: string): string {
  const normalised = path.posix.normalize(file.replace(/\\/g, '/'));
  if (!file || path.posix.isAbsolute(normalised) || normalised.startsWith('../') || normalised === '..') {
    throw new Error(`"${file}" must be a path inside the repository, relative to its root`);
  }
  return path.join(rootDir, normalised);
}

export const DEFAULT_COMPONENT = path.resolve(__dirname, '../components/CodeFromFile');

export default function codeFromFile(options: CodeFromFileOptions) {
  const component = options.component ?? DEFAULT_COMPONENT;
  return (tree: Node, file: VFile): void => {
    const imports: Node[] = [];
    walk(tree, (node, parent, index) => {
      if (node.type !== 'code' || !parent) return;
      const code = node as CodeNode;
      const ref = parseFileReference(code.meta);
      if (!ref) return;
      const label = ref.region ? `${ref.file}#${ref.region}` : ref.file;
      const fail = (reason: string): never => file.fail(`Cannot embed "${label}": ${reason}`, node);
      let absolute = '';
      try {
        absolute = resolveInRoot(options.rootDir, ref.file);
      } catch (error) {
        fail((error as Error).message);
      }
      if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
        fail(`file ${ref.file} does not exist (paths are relative to the repository root)`);
      }
      if (code.value.trim() !== '') {
        fail('the block must be empty: its content comes from the file');
      }
      try {
        // Checked here for a message that points at the Markdown line; the loader checks again
        // at bundle time, which is what keeps the page fresh when the file changes.
        extractRegion(fs.readFileSync(absolute, 'utf8'), ref.region, ref.file);
      } catch (error) {
        fail((error as Error).message);
      }
      const local = `__rtrEmbed${imports.length}`;
      const query = new URLSearchParams({ embed: path.posix.normalize(ref.file) });
      if (ref.region) query.set('region', ref.region);
      imports.push(importDefault(local, `${options.dataModule}?${query.toString()}`));
      (parent as Parent).children[index] = jsxElement('RtrCodeFromFile', {
        data: { identifier: local },
        language: code.lang ?? 'text',
        file: path.posix.normalize(ref.file),
        region: ref.region,
        metastring: ref.rest || undefined,
      }) as Parent['children'][number];
    });
    if (imports.length) addImports(tree, [importDefault('RtrCodeFromFile', component), ...imports]);
  };
}
