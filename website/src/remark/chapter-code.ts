/**
 * Remark plugin: a page whose front matter has `code: NN-slug` shows a "Code for this chapter" box:
 * the folder on GitHub, how to fetch only that folder, and the npm scripts it offers.
 *
 * The box goes right under the page title. To put it somewhere else, write `<ChapterCode />`
 * where it should be (it then appears only there). A `code:` naming a folder that does not exist
 * in chapters-code/ fails the build.
 *
 * The scripts are read from the folder's package.json at bundle time by the chapter-data loader.
 */
import path from 'node:path';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { assertChapterFolder } from './chapters';
import { addImports, importDefault, jsxElement, walk } from './mdx-nodes';

export interface ChapterCodeOptions {
  /** The folder holding the chapter code folders (chapters-code/). */
  codeDir: string;
  /** Absolute path of the module that the chapter-data loader answers for. */
  dataModule: string;
  /** Import path of the component that renders the box. */
  component?: string;
}

export const DEFAULT_COMPONENT = path.resolve(__dirname, '../components/ChapterCode');

const LEADING = new Set(['yaml', 'toml', 'mdxjsEsm']);

export default function chapterCode(options: ChapterCodeOptions) {
  const component = options.component ?? DEFAULT_COMPONENT;
  return (tree: Node, file: VFile): void => {
    const frontMatter = (file.data as { frontMatter?: { code?: unknown } }).frontMatter ?? {};
    const placed: { parent: Parent; index: number; node: Node }[] = [];
    walk(tree, (node, parent, index) => {
      if (!parent) return;
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if ((node as unknown as { name?: string }).name !== 'ChapterCode') return;
      placed.push({ parent, index, node });
    });
    if (frontMatter.code === undefined) {
      if (placed.length) file.fail('<ChapterCode /> needs "code: NN-slug" in the front matter', placed[0]!.node);
      return;
    }
    try {
      assertChapterFolder(options.codeDir, frontMatter.code, 'front matter');
    } catch (error) {
      file.fail((error as Error).message);
    }
    const folder = frontMatter.code as string;
    const element = (): Parent['children'][number] =>
      jsxElement('RtrChapterCode', { data: { identifier: '__rtrChapterCode' } }) as Parent['children'][number];
    const root = tree as Parent;
    if (placed.length) {
      for (const { parent, index } of placed) parent.children[index] = element();
    } else {
      let at = 0;
      while (at < root.children.length && LEADING.has(root.children[at]!.type)) at += 1;
      const first = root.children[at] as (Node & { depth?: number }) | undefined;
      if (first?.type === 'heading' && first.depth === 1) at += 1;
      root.children.splice(at, 0, element());
    }
    const query = new URLSearchParams({ chapterCode: folder });
    addImports(tree, [
      importDefault('RtrChapterCode', component),
      importDefault('__rtrChapterCode', `${options.dataModule}?${query.toString()}`),
    ]);
  };
}
