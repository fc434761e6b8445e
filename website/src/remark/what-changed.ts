/**
 * Remark plugin: `<WhatChanged />` in a chapter becomes the diff of its code folder against the
 * previous code chapter's folder (the previous existing `chapters-code/NN-slug` by number).
 *
 *   ## What changed
 *
 *   <WhatChanged />                                   uses the page's `code:` front matter
 *   <WhatChanged chapter="09-aggregates" />           names the folder explicitly
 *   <WhatChanged chapter="09-aggregates" from="07-dynamodb" />   compares with another folder
 *
 * The diff is computed at bundle time by the chapter-data loader, which watches every file it
 * read, so `npm start` refreshes it and the persistent cache never serves an old one.
 */
import path from 'node:path';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { assertChapterFolder } from './chapters';
import { addImports, importDefault, jsxElement, stringAttribute, walk } from './mdx-nodes';

export interface WhatChangedOptions {
  /** The folder holding the chapter code folders (chapters-code/). */
  codeDir: string;
  /** Absolute path of the module that the chapter-data loader answers for. */
  dataModule: string;
  /** Import path of the component that renders the block. */
  component?: string;
}

export const DEFAULT_COMPONENT = path.resolve(__dirname, '../components/WhatChanged');

export default function whatChanged(options: WhatChangedOptions) {
  const component = options.component ?? DEFAULT_COMPONENT;
  return (tree: Node, file: VFile): void => {
    const imports: Node[] = [];
    walk(tree, (node, parent, index) => {
      if (!parent) return;
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if ((node as unknown as { name?: string }).name !== 'WhatChanged') return;
      const frontMatter = (file.data as { frontMatter?: { code?: unknown } }).frontMatter ?? {};
      const chapter = stringAttribute(node, 'chapter') ?? frontMatter.code;
      const from = stringAttribute(node, 'from');
      try {
        if (chapter === undefined) {
          throw new Error('the page has no "code" front matter and the element no chapter="NN-slug"');
        }
        assertChapterFolder(options.codeDir, chapter, 'chapter');
        if (from !== undefined) assertChapterFolder(options.codeDir, from, 'from');
      } catch (error) {
        file.fail(`<WhatChanged />: ${(error as Error).message}`, node);
      }
      const local = `__rtrWhatChanged${imports.length}`;
      const query = new URLSearchParams({ whatChanged: chapter as string });
      if (from) query.set('from', from);
      imports.push(importDefault(local, `${options.dataModule}?${query.toString()}`));
      (parent as Parent).children[index] = jsxElement('RtrWhatChanged', {
        data: { identifier: local },
      }) as Parent['children'][number];
    });
    if (imports.length) addImports(tree, [importDefault('RtrWhatChanged', component), ...imports]);
  };
}
