import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import whatChanged from './what-changed';
import { compileWith, makeRepo, nodesOfType, removeRepo, runPlugin } from './test-helpers';

const root = makeRepo({
  'chapters-code/05-a/a.ts': 'a\n',
  'chapters-code/07-c/a.ts': 'b\n',
});
after(() => removeRepo(root));
const options = { codeDir: path.join(root, 'chapters-code'), dataModule: '/site/chapter-data.js', component: '/site/WhatChanged' };

const importsOf = (tree: Parameters<typeof nodesOfType>[0]) =>
  nodesOfType(tree, 'mdxjsEsm').map((n) => (n as unknown as { value: string }).value);

describe('whatChanged', () => {
  it('expands <WhatChanged /> using the code front matter', async () => {
    const tree = await runPlugin(whatChanged, options, '## What changed\n\n<WhatChanged />\n', { code: '07-c' });
    assert.deepEqual(importsOf(tree), [
      'import RtrWhatChanged from "/site/WhatChanged";',
      'import __rtrWhatChanged0 from "/site/chapter-data.js?whatChanged=07-c";',
    ]);
    const [element] = nodesOfType(tree, 'mdxJsxFlowElement') as unknown as { name: string }[];
    assert.equal(element!.name, 'RtrWhatChanged');
  });

  it('accepts an explicit chapter and from', async () => {
    const tree = await runPlugin(whatChanged, options, '<WhatChanged chapter="07-c" from="05-a" />\n');
    assert.deepEqual(importsOf(tree)[1], 'import __rtrWhatChanged0 from "/site/chapter-data.js?whatChanged=07-c&from=05-a";');
  });

  it('produces MDX that compiles', async () => {
    const js = await compileWith(whatChanged, options, '<WhatChanged />\n', { code: '07-c' });
    assert.match(js, /__rtrWhatChanged0/);
  });

  it('fails without a chapter, or with a folder that does not exist', async () => {
    await assert.rejects(runPlugin(whatChanged, options, '<WhatChanged />\n'), /no "code" front matter/);
    await assert.rejects(
      runPlugin(whatChanged, options, '<WhatChanged />\n', { code: '06-b' }),
      /chapter code folder "06-b" does not exist.*existing: 05-a, 07-c/,
    );
  });

  it('leaves pages without the element alone', async () => {
    const tree = await runPlugin(whatChanged, options, 'Just text.\n', { code: '07-c' });
    assert.deepEqual(importsOf(tree), []);
  });
});
