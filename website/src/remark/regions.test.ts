import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractRegion, findRegions, parseMarker, RegionError } from './regions';

const SOURCE = [
  "import { a } from './a';", // 1
  '', // 2
  '// #region outer', // 3
  'export function f() {', // 4
  '  // #region inner', // 5
  '  const x = 1;', // 6
  '  // #endregion inner', // 7
  '  return x;', // 8
  '}', // 9
  '// #endregion outer', // 10
  '',
].join('\n');

describe('parseMarker', () => {
  it('reads the marker styles of TS, YAML, HTML and CSS', () => {
    assert.deepEqual(parseMarker('  // #region store'), { kind: 'region', name: 'store' });
    assert.deepEqual(parseMarker('# #region service'), { kind: 'region', name: 'service' });
    assert.deepEqual(parseMarker('<!-- #region intro -->'), { kind: 'region', name: 'intro' });
    assert.deepEqual(parseMarker('/* #endregion box */'), { kind: 'endregion', name: 'box' });
    assert.deepEqual(parseMarker('// #endregion'), { kind: 'endregion', name: '' });
  });

  it('ignores code that merely mentions a region', () => {
    assert.equal(parseMarker("const s = '// #region x';"), undefined);
    assert.equal(parseMarker('// see #region docs in the README'), undefined);
  });
});

describe('extractRegion', () => {
  it('returns the region without markers of nested regions, dedented, with its line numbers', () => {
    assert.deepEqual(extractRegion(SOURCE, 'outer'), {
      code: 'export function f() {\n  const x = 1;\n  return x;\n}',
      startLine: 4,
      endLine: 9,
    });
  });

  it('dedents an indented inner region', () => {
    assert.deepEqual(extractRegion(SOURCE, 'inner'), { code: 'const x = 1;', startLine: 6, endLine: 6 });
  });

  it('returns the whole file without any marker when no region is named', () => {
    const { code, startLine, endLine } = extractRegion(SOURCE, undefined);
    assert.equal(code, "import { a } from './a';\n\nexport function f() {\n  const x = 1;\n  return x;\n}");
    assert.equal(startLine, 1);
    assert.equal(endLine, 9);
  });

  it('handles overlapping regions closed by name', () => {
    const text = ['# #region a', 'one', '# #region b', 'two', '# #endregion a', 'three', '# #endregion b'].join('\n');
    assert.equal(extractRegion(text, 'a').code, 'one\ntwo');
    assert.equal(extractRegion(text, 'b').code, 'two\nthree');
  });

  it('accepts Windows line endings', () => {
    assert.equal(extractRegion('// #region r\r\nok\r\n// #endregion\r\n', 'r').code, 'ok');
  });

  it('names the file and lists the regions when a region is missing', () => {
    assert.throws(
      () => extractRegion(SOURCE, 'nope', 'src/x.ts'),
      (error: Error) =>
        error instanceof RegionError &&
        error.message === 'region "nope" not found in src/x.ts; regions in it: inner, outer',
    );
  });

  it('rejects unbalanced and repeated markers', () => {
    assert.throws(() => findRegions('// #region a\n', 'f.ts'), /f\.ts:1: region "a" is never closed/);
    assert.throws(() => findRegions('// #endregion\n', 'f.ts'), /f\.ts:1: "#endregion" has no matching/);
    assert.throws(
      () => findRegions('// #region a\n// #endregion\n// #region a\n// #endregion\n', 'f.ts'),
      /f\.ts:3: region "a" is opened twice/,
    );
    assert.throws(() => findRegions('// #region\n', 'f.ts'), /needs a name/);
  });
});
