import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runScript, scratchBook } from './helpers.js';

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
        '```yaml file=chapters-code/07-x/broken.yml',
        '```',
      ].join('\n'),
    );
    t.after(cleanup);
    // Embedded whole, but the site would still fail on its unclosed region.
    writeFileSync(join(root, 'chapters-code', '07-x', 'broken.yml'), 'a: 1\n# #region open\nb: 2\n');
    const run = await runScript('listings', ['--root', root]);
    assert.equal(run.code, 1);
    const failures = run.stderr.split('\n').filter((line) => line.startsWith('FAIL'));
    assert.equal(failures.length, 6, run.stderr);
    assert.match(failures[0]!, /^FAIL book\/07-x\.md:1: a hand-typed ts listing: embed it from its file/);
    assert.match(failures[1]!, /^FAIL book\/07-x\.md:4: an illustrative yaml block has 16 lines, at most 15/);
    assert.match(failures[2]!, /^FAIL book\/07-x\.md:22: file=chapters-code\/07-x\/src\/missing\.ts: there is no file/);
    // The website's own message for the same mistake (the region parser is shared, scripts/lib/regions.ts).
    assert.match(failures[3]!, /^FAIL book\/07-x\.md:24: file=\S+#handlr: region "handlr" not found in chapters-code\/07-x\/src\/a\.ts; regions in it: handler$/);
    assert.match(failures[4]!, /^FAIL book\/07-x\.md:26: file=\.\.\/outside\.ts must be a path inside the repository/);
    assert.match(failures[5]!, /^FAIL book\/07-x\.md:28: file=\S+: chapters-code\/07-x\/broken\.yml:2: region "open" is never closed$/);
    assert.match(run.stderr, /^book:listings: FAILED, 6 problems; listings 0 embedded, 0 illustrative, in 1 page;/m);
  });
});
