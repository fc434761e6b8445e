import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import codeFromFile, { parseFileReference } from './code-from-file';
import { compileWith, makeRepo, nodesOfType, removeRepo, runPlugin } from './test-helpers';

const root = makeRepo({
  'chapters-code/05-a/src/handler.ts': '// #region handler\nexport const handler = 1;\n// #endregion\n',
  'chapters-code/05-a/serverless.yml': '# #region service\nservice: a\n# #endregion\n',
});
after(() => removeRepo(root));
const options = { rootDir: root, dataModule: '/site/chapter-data.js', component: '/site/CodeFromFile' };

describe('parseFileReference', () => {
  it('splits path, region and the rest of the meta', () => {
    assert.deepEqual(parseFileReference('file=chapters-code/a.ts#store {1,3} showLineNumbers'), {
      file: 'chapters-code/a.ts',
      region: 'store',
      rest: '{1,3} showLineNumbers',
    });
    assert.deepEqual(parseFileReference('title="x y" file="chapters-code/a b.yml"'), {
      file: 'chapters-code/a b.yml',
      region: undefined,
      rest: 'title="x y"',
    });
  });

  it('ignores fences without file= (console blocks, unknown keys)', () => {
    assert.equal(parseFileReference('run=06-api-gateway title="Start it" aws'), undefined);
    assert.equal(parseFileReference('profile=x'), undefined);
    assert.equal(parseFileReference(undefined), undefined);
  });
});

describe('codeFromFile', () => {
  it('replaces the fence with an import through the loader and a CodeFromFile element', async () => {
    const tree = await runPlugin(
      codeFromFile,
      options,
      '```ts file=chapters-code/05-a/src/handler.ts#handler {2} run=x\n```\n\n```yaml file=chapters-code/05-a/serverless.yml\n```\n',
    );
    const imports = nodesOfType(tree, 'mdxjsEsm').map((n) => (n as unknown as { value: string }).value);
    assert.deepEqual(imports, [
      'import RtrCodeFromFile from "/site/CodeFromFile";',
      'import __rtrEmbed0 from "/site/chapter-data.js?embed=chapters-code%2F05-a%2Fsrc%2Fhandler.ts&region=handler";',
      'import __rtrEmbed1 from "/site/chapter-data.js?embed=chapters-code%2F05-a%2Fserverless.yml";',
    ]);
    const elements = nodesOfType(tree, 'mdxJsxFlowElement') as unknown as {
      name: string;
      attributes: { name: string; value: unknown }[];
    }[];
    assert.equal(elements.length, 2);
    const attrs = Object.fromEntries(
      elements[0]!.attributes.map((a) => [a.name, typeof a.value === 'string' ? a.value : (a.value as { value: string }).value]),
    );
    assert.deepEqual(attrs, {
      data: '__rtrEmbed0',
      language: 'ts',
      file: 'chapters-code/05-a/src/handler.ts',
      region: 'handler',
      metastring: '{2} run=x',
    });
    assert.equal(nodesOfType(tree, 'code').length, 0);
  });

  it('produces MDX that compiles', async () => {
    const js = await compileWith(codeFromFile, options, '```ts file=chapters-code/05-a/src/handler.ts#handler\n```\n');
    assert.match(js, /import __rtrEmbed0 from "\/site\/chapter-data\.js\?embed=/);
    assert.match(js, /RtrCodeFromFile/);
  });

  it('leaves ordinary and console fences alone', async () => {
    const tree = await runPlugin(codeFromFile, options, '```console run=06 title="x"\n$ npm test\n```\n');
    assert.equal(nodesOfType(tree, 'code').length, 1);
    assert.equal(nodesOfType(tree, 'mdxjsEsm').length, 0);
  });

  it('fails naming the file when it does not exist', async () => {
    await assert.rejects(
      runPlugin(codeFromFile, options, '```ts file=chapters-code/05-a/src/gone.ts#handler\n```\n'),
      /Cannot embed "chapters-code\/05-a\/src\/gone\.ts#handler": file chapters-code\/05-a\/src\/gone\.ts does not exist/,
    );
  });

  it('fails naming the file and the region when the region does not exist', async () => {
    await assert.rejects(
      runPlugin(codeFromFile, options, '```ts file=chapters-code/05-a/src/handler.ts#store\n```\n'),
      /Cannot embed "chapters-code\/05-a\/src\/handler\.ts#store": region "store" not found in chapters-code\/05-a\/src\/handler\.ts; regions in it: handler/,
    );
  });

  it('refuses paths outside the repository and fences that have a body', async () => {
    await assert.rejects(runPlugin(codeFromFile, options, '```ts file=../etc/passwd\n```\n'), /inside the repository/);
    await assert.rejects(
      runPlugin(codeFromFile, options, '```ts file=chapters-code/05-a/src/handler.ts\ntyped by hand\n```\n'),
      /must be empty/,
    );
  });
});
