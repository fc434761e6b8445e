import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { diffFolders, listFolder } from './folder-diff';
import { previousChapterFolder, listChapterFolders, chapterScripts } from './chapters';
import { makeRepo, removeRepo } from './test-helpers';

const root = makeRepo({
  'chapters-code/05-a/package.json': '{"scripts":{"test":"jest","invoke":"sls invoke"}}\n',
  'chapters-code/05-a/src/same.ts': 'export const same = 1;\n',
  'chapters-code/05-a/src/old.ts': 'export const old = 1;\n',
  'chapters-code/05-a/src/edit.ts': 'one\ntwo\nthree\n',
  'chapters-code/05-a/node_modules/x/index.js': 'ignored',
  'chapters-code/07-c/src/same.ts': 'export const same = 1;\n',
  'chapters-code/07-c/src/edit.ts': 'one\nTWO\nthree\n',
  'chapters-code/07-c/src/new.ts': 'export const fresh = 1;\n',
  'chapters-code/07-c/logo.bin': 'a\u0000b',
  'chapters-code/07-c/package-lock.json': '{}',
  'chapters-code/07-c/.esbuild/out.js': 'ignored',
  'chapters-code/07-c/.serverless/state.json': 'ignored',
  'chapters-code/07-c/debug.log': 'ignored',
  'chapters-code/not-a-chapter/x.ts': '',
});
const code = path.join(root, 'chapters-code');
after(() => removeRepo(root));

describe('chapter folders', () => {
  it('lists NN-slug folders in order and finds the previous existing one', () => {
    assert.deepEqual(listChapterFolders(code), ['05-a', '07-c']);
    assert.equal(previousChapterFolder(code, '07-c'), '05-a');
    assert.equal(previousChapterFolder(code, '06-b'), '05-a');
    assert.equal(previousChapterFolder(code, '05-a'), null);
  });

  it('reads the npm scripts of a folder', () => {
    assert.deepEqual(chapterScripts(code, '05-a'), { test: 'jest', invoke: 'sls invoke' });
    assert.deepEqual(chapterScripts(code, '07-c'), {});
  });
});

describe('diffFolders', () => {
  it('skips dependencies, build output, logs and lock files', () => {
    assert.deepEqual(listFolder(path.join(code, '07-c')).files, ['logo.bin', 'src/edit.ts', 'src/new.ts', 'src/same.ts']);
  });

  it('lists added, removed and changed files with a unified diff each', () => {
    const diff = diffFolders({
      fromDir: path.join(code, '05-a'),
      toDir: path.join(code, '07-c'),
      fromLabel: '05-a',
      toLabel: '07-c',
    });
    assert.deepEqual(
      diff.changes.map((c) => [c.path, c.status, c.additions, c.deletions, c.binary]),
      [
        ['logo.bin', 'added', 0, 0, true],
        ['package.json', 'removed', 0, 1, false],
        ['src/edit.ts', 'changed', 1, 1, false],
        ['src/new.ts', 'added', 1, 0, false],
        ['src/old.ts', 'removed', 0, 1, false],
      ],
    );
    assert.equal(diff.unchanged, 1);
    const edit = diff.changes.find((c) => c.path === 'src/edit.ts')!;
    assert.equal(
      edit.patch,
      ['--- 05-a/src/edit.ts', '+++ 07-c/src/edit.ts', '@@ -1,3 +1,3 @@', ' one', '-two', '+TWO', ' three'].join('\n'),
    );
    assert.match(diff.changes.find((c) => c.path === 'src/new.ts')!.patch, /^--- \/dev\/null\n\+\+\+ 07-c\/src\/new\.ts/);
    assert.ok(diff.files.includes(path.join(code, '07-c', 'src', 'edit.ts')));
    assert.ok(diff.dirs.includes(path.join(code, '07-c', 'src')));
  });

  it('treats every file as added when there is no previous folder', () => {
    const diff = diffFolders({ fromDir: null, toDir: path.join(code, '05-a'), fromLabel: null, toLabel: '05-a' });
    assert.ok(diff.changes.every((c) => c.status === 'added'));
    assert.equal(diff.changes.length, 4);
  });

  it('leaves region markers out of the diff, as the listings do', () => {
    const repo = makeRepo({
      'chapters-code/05-a/src/store.ts': ['// #region put', 'put(a);', '// #endregion', 'done();', ''].join('\n'),
      'chapters-code/06-b/src/store.ts': ['  // #region put', 'put(a, b);', '# #endregion put', 'done();', ''].join('\n'),
      'chapters-code/05-a/src/moved.ts': ['one', '// #region x', 'two', '// #endregion x', ''].join('\n'),
      'chapters-code/06-b/src/moved.ts': ['// #region x', 'one', 'two', '// #endregion x', ''].join('\n'),
    });
    try {
      const folders = path.join(repo, 'chapters-code');
      const diff = diffFolders({ fromDir: path.join(folders, '05-a'), toDir: path.join(folders, '06-b'), fromLabel: '05-a', toLabel: '06-b' });
      const store = diff.changes.find((c) => c.path === 'src/store.ts')!;
      assert.doesNotMatch(store.patch, /#(end)?region/);
      assert.deepEqual([store.additions, store.deletions], [1, 1]);
      const moved = diff.changes.find((c) => c.path === 'src/moved.ts')!;
      assert.equal(moved.status, 'changed', 'the bytes differ');
      assert.deepEqual([moved.additions, moved.deletions], [0, 0], 'only markers moved');
    } finally {
      removeRepo(repo);
    }
  });
});
