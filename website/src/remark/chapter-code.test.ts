import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Node } from 'unist';
import chapterCode from './chapter-code';
import { compileWith, makeRepo, nodesOfType, removeRepo, runPlugin } from './test-helpers';

const root = makeRepo({ 'chapters-code/07-c/package.json': '{}' });
after(() => removeRepo(root));
const options = { codeDir: path.join(root, 'chapters-code'), dataModule: '/site/chapter-data.js', component: '/site/ChapterCode' };

const types = (tree: Node) => (tree as unknown as { children: { type: string; name?: string }[] }).children.map((c) => c.name ?? c.type);

describe('chapterCode', () => {
  it('puts the box at the top of a page with code front matter', async () => {
    const tree = await runPlugin(chapterCode, options, 'Opening.\n\n## Section\n', { code: '07-c' });
    assert.deepEqual(types(tree), ['mdxjsEsm', 'mdxjsEsm', 'RtrChapterCode', 'paragraph', 'heading']);
    const imports = nodesOfType(tree, 'mdxjsEsm').map((n) => (n as unknown as { value: string }).value);
    assert.deepEqual(imports, [
      'import RtrChapterCode from "/site/ChapterCode";',
      'import __rtrChapterCode from "/site/chapter-data.js?chapterCode=07-c";',
    ]);
  });

  it('goes after a leading h1', async () => {
    const tree = await runPlugin(chapterCode, options, '# Title\n\nOpening.\n', { code: '07-c' });
    assert.deepEqual(types(tree).slice(2), ['heading', 'RtrChapterCode', 'paragraph']);
  });

  it('goes where <ChapterCode /> is written, and only there', async () => {
    const tree = await runPlugin(chapterCode, options, 'Opening.\n\n<ChapterCode />\n\nMore.\n', { code: '07-c' });
    assert.deepEqual(types(tree).slice(2), ['paragraph', 'RtrChapterCode', 'paragraph']);
  });

  it('does nothing on a page without code front matter', async () => {
    const tree = await runPlugin(chapterCode, options, 'Text.\n');
    assert.deepEqual(types(tree), ['paragraph']);
  });

  it('fails when the folder does not exist, or <ChapterCode /> has no front matter', async () => {
    await assert.rejects(runPlugin(chapterCode, options, 'x\n', { code: '08-nope' }), /"08-nope" does not exist/);
    await assert.rejects(runPlugin(chapterCode, options, '<ChapterCode />\n'), /needs "code: NN-slug"/);
  });

  it('produces MDX that compiles', async () => {
    const js = await compileWith(chapterCode, options, 'Text.\n', { code: '07-c' });
    assert.match(js, /__rtrChapterCode/);
  });
});
