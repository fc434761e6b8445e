import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findRegions, splitFileReference } from '../../scripts/book/lib/regions.js';
import { runScript, scratchBook } from './helpers.js';

describe('regions', () => {
  test('finds TypeScript, YAML and nested regions', () => {
    const text = ['// #region handler', 'export const handler = 1;', '  // #region inner', '  x;', '  // #endregion', '// #endregion', '# #region service', 'a: 1', '# #endregion'].join('\n');
    assert.deepEqual(
      findRegions(text).map(({ name, start, end }) => [name, start, end]),
      [['handler', 0, 5], ['inner', 2, 4], ['service', 6, 8]],
    );
  });

  test('closes a named #endregion by name, so regions may overlap', () => {
    const text = ['# #region a', 'x', '# #region b', 'y', '# #endregion a', 'z', '# #endregion b', '<!-- #region c -->', '<!-- #endregion -->'].join('\n');
    assert.deepEqual(
      findRegions(text).map(({ name, start, end }) => [name, start, end]),
      [['a', 0, 4], ['b', 2, 6], ['c', 7, 8]],
    );
  });

  test('rejects unbalanced, unnamed and repeated markers', () => {
    assert.throws(() => findRegions('// #region a\nx'), /#region a has no #endregion/);
    assert.throws(() => findRegions('x\n// #endregion'), /line 2: #endregion without a matching #region/);
    assert.throws(() => findRegions('// #region\n// #endregion'), /line 1: #region needs a name/);
    assert.throws(() => findRegions('// #region a\n// #endregion\n// #region a\n// #endregion'), /line 3: region "a" is opened twice/);
  });

  test('splits a file reference', () => {
    assert.deepEqual(splitFileReference('chapters-code/07-dynamodb/src/x.ts#region-name'), { path: 'chapters-code/07-dynamodb/src/x.ts', region: 'region-name' });
    assert.deepEqual(splitFileReference('chapters-code/07-dynamodb/serverless.yml'), { path: 'chapters-code/07-dynamodb/serverless.yml', region: undefined });
  });
});

describe('book:listings', () => {
  /** A scratch repository: a book page and one code file with a region. */
  function repo(page: string): { root: string; cleanup: () => void } {
    const { dir, cleanup } = scratchBook(false);
    mkdirSync(join(dir, 'book'));
    mkdirSync(join(dir, 'chapters-code', '07-x', 'src'), { recursive: true });
    writeFileSync(join(dir, 'chapters-code', '07-x', 'src', 'a.ts'), '// #region handler\nexport const a = 1;\n// #endregion\n');
    writeFileSync(join(dir, 'chapters-code', '07-x', 'serverless.yml'), 'service: x\n');
    writeFileSync(join(dir, 'book', '07-x.md'), page);
    return { root: dir, cleanup };
  }

  test('accepts embedded listings and short illustrative ones, and counts them', async (t) => {
    const { root, cleanup } = repo(
      [
        '```ts file=chapters-code/07-x/src/a.ts#handler',
        '```',
        '```yaml title="serverless.yml" file=chapters-code/07-x/serverless.yml',
        '```',
        '```json illustrative',
        '{ "a": 1 }',
        '```',
        '```console',
        '$ echo not a listing',
        '```',
      ].join('\n'),
    );
    t.after(cleanup);
    const run = await runScript('listings', ['--root', root]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^book:listings: ok, listings 2 embedded, 1 illustrative, in 1 page; [\d.]+ s\n$/);
  });

  test('fails on hand-typed listings, long illustrative ones and missing files or regions', async (t) => {
    const { root, cleanup } = repo(
      [
        '```ts',
        'const typed = "by hand";',
        '```',
        '```yaml illustrative',
        ...Array.from({ length: 16 }, (_, i) => `line${i}: ${i}`),
        '```',
        '```ts file=chapters-code/07-x/src/missing.ts',
        '```',
        '```ts file=chapters-code/07-x/src/a.ts#handlr',
        '```',
        '```ts file=../outside.ts',
        '```',
      ].join('\n'),
    );
    t.after(cleanup);
    const run = await runScript('listings', ['--root', root]);
    assert.equal(run.code, 1);
    const failures = run.stderr.split('\n').filter((line) => line.startsWith('FAIL'));
    assert.equal(failures.length, 5, run.stderr);
    assert.match(failures[0]!, /^FAIL book\/07-x\.md:1: a hand-typed ts listing: embed it from its file/);
    assert.match(failures[1]!, /^FAIL book\/07-x\.md:4: an illustrative yaml block has 16 lines, at most 15/);
    assert.match(failures[2]!, /^FAIL book\/07-x\.md:22: file=chapters-code\/07-x\/src\/missing\.ts: there is no file/);
    assert.match(failures[3]!, /^FAIL book\/07-x\.md:24: .* has no region "handlr"; its regions: handler$/);
    assert.match(failures[4]!, /^FAIL book\/07-x\.md:26: file=\.\.\/outside\.ts must be a path inside the repository/);
    assert.match(run.stderr, /^book:listings: FAILED, 5 problems; listings 0 embedded, 0 illustrative, in 1 page;/m);
  });
});
