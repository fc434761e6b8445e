import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeRepo, removeRepo } from '../remark/test-helpers';
import { loadChapterData } from './chapter-data-loader';

const root = makeRepo({
  'chapters-code/05-a/package.json': '{"scripts":{"test":"jest"}}',
  'chapters-code/05-a/src/h.ts': 'x\n// #region r\n  const y = 2;\n// #endregion r\n',
  'chapters-code/07-c/package.json': '{"scripts":{"test":"jest","dev":"tsx dev.ts"}}',
  'chapters-code/07-c/src/h.ts': 'changed\n',
});
after(() => removeRepo(root));
const codeDir = path.join(root, 'chapters-code');

function run(query: string) {
  const deps = { files: [] as string[], dirs: [] as string[], missing: [] as string[] };
  const context = {
    getOptions: () => ({ rootDir: root, codeDir }),
    resourcePath: '/site/chapter-data.js',
    resourceQuery: query,
    addDependency: (file: string) => void deps.files.push(file),
    addContextDependency: (dir: string) => void deps.dirs.push(dir),
    addMissingDependency: (file: string) => void deps.missing.push(file),
  };
  const source = loadChapterData(context as never);
  const match = /^(?:export default|const data =) (.*?);\n/s.exec(source);
  assert.ok(match, source);
  return { data: JSON.parse(match[1]!) as Record<string, unknown>, deps, source };
}

describe('chapter-data loader', () => {
  it('answers ?embed with the region and watches the file', () => {
    const { data, deps } = run('?embed=chapters-code%2F05-a%2Fsrc%2Fh.ts&region=r');
    assert.deepEqual(data, { code: 'const y = 2;', startLine: 3, endLine: 3 });
    assert.deepEqual(deps.files, [path.join(codeDir, '05-a/src/h.ts')]);
  });

  it('fails naming the file and region, and watches for a missing file to appear', () => {
    assert.throws(() => run('?embed=chapters-code%2F05-a%2Fsrc%2Fh.ts&region=zz'), /Cannot embed "chapters-code\/05-a\/src\/h\.ts#zz": region "zz" not found/);
    assert.throws(() => run('?embed=chapters-code%2F05-a%2Fgone.ts'), /Cannot embed "chapters-code\/05-a\/gone\.ts": file chapters-code\/05-a\/gone\.ts does not exist/);
  });

  it('answers ?whatChanged against the previous folder, watches both, and leaves the diffs to a lazy chunk', () => {
    const { data, deps, source } = run('?whatChanged=07-c');
    assert.equal(data.from, '05-a');
    assert.deepEqual(
      (data.changes as { path: string; status: string; patch?: string }[]).map((c) => `${c.status} ${c.path} ${c.patch ?? ''}`),
      ['changed package.json ', 'changed src/h.ts '],
    );
    assert.match(source, /loadPatches: \(\) => import\("\/site\/chapter-data\.js\?whatChangedPatches=07-c&from=05-a"\)/);
    assert.ok(deps.files.includes(path.join(codeDir, '07-c/src/h.ts')));
    assert.ok(deps.dirs.includes(path.join(codeDir, '05-a/src')));
  });

  it('answers ?whatChangedPatches with each file\'s unified diff', () => {
    const { data } = run('?whatChangedPatches=07-c&from=05-a');
    assert.deepEqual(Object.keys(data), ['package.json', 'src/h.ts']);
    assert.match(data['src/h.ts'] as string, /^--- 05-a\/src\/h\.ts\n\+\+\+ 07-c\/src\/h\.ts\n@@/);
  });

  it('answers ?chapterCode with the folder scripts', () => {
    const { data, deps } = run('?chapterCode=07-c');
    assert.deepEqual(data, { folder: '07-c', scripts: { test: 'jest', dev: 'tsx dev.ts' }, dev: 'function' });
    assert.deepEqual(deps.files, [path.join(codeDir, '07-c/package.json')]);
  });

  it('rejects an unknown query', () => {
    assert.throws(() => run('?what=1'), /without a known query/);
  });
});
