// The region parser shared by the book's listings check and the website's embedded code blocks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractRegion, findRegions, parseMarker, RegionError, splitFileReference } from '../../scripts/lib/regions';

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

const SERVERLESS_YML = ['service: rate-the-ride', '# #region functions', 'functions:', '  # #region create', '  create:', '    handler: src/create.handler', '  # #endregion', '# #endregion'].join('\n');

/** [name, start, end] of each region, in order of their start. */
const spans = (text: string) => [...findRegions(text).values()].map(({ name, start, end }) => [name, start, end]);

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

describe('findRegions', () => {
  it('finds TypeScript, YAML and nested regions, with the lines of their markers', () => {
    assert.deepEqual(spans(SOURCE), [['outer', 2, 9], ['inner', 4, 6]]);
    assert.deepEqual(spans(SERVERLESS_YML), [['functions', 1, 7], ['create', 3, 6]]);
  });

  it('closes a named #endregion by name, so regions may overlap', () => {
    const text = ['# #region a', 'x', '# #region b', 'y', '# #endregion a', 'z', '# #endregion b', '<!-- #region c -->', '<!-- #endregion -->'].join('\n');
    assert.deepEqual(spans(text), [['a', 0, 4], ['b', 2, 6], ['c', 7, 8]]);
  });

  it('counts lines the same whether they end in \\n, \\r\\n or \\r', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      assert.deepEqual(spans(SOURCE.split('\n').join(newline)), [['outer', 2, 9], ['inner', 4, 6]], JSON.stringify(newline));
    }
  });

  it('rejects unbalanced, unnamed and repeated markers, naming the file and line', () => {
    assert.throws(() => findRegions('// #region a\n', 'f.ts'), /^RegionError: f\.ts:1: region "a" is never closed$/);
    assert.throws(() => findRegions('x\n// #endregion\n', 'f.ts'), /f\.ts:2: "#endregion" has no matching "#region"/);
    assert.throws(() => findRegions('// #region a\n// #endregion b\n', 'f.ts'), /f\.ts:2: "#endregion b" has no matching/);
    assert.throws(() => findRegions('// #region\n', 'f.ts'), /f\.ts:1: "#region" needs a name/);
    assert.throws(
      () => findRegions('// #region a\n// #endregion\n// #region a\n// #endregion\n', 'f.ts'),
      /f\.ts:3: region "a" is opened twice/,
    );
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

  it('dedents an indented inner region, in TypeScript and in YAML', () => {
    assert.deepEqual(extractRegion(SOURCE, 'inner'), { code: 'const x = 1;', startLine: 6, endLine: 6 });
    assert.deepEqual(extractRegion(SERVERLESS_YML, 'create'), { code: 'create:\n  handler: src/create.handler', startLine: 5, endLine: 6 });
    assert.equal(extractRegion(SERVERLESS_YML, 'functions').code, 'functions:\n  create:\n    handler: src/create.handler');
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

  it('accepts Windows line endings and shows none of the \\r', () => {
    assert.deepEqual(extractRegion('// #region r\r\n  ok\r\n  fine\r\n// #endregion\r\n', 'r'), { code: 'ok\nfine', startLine: 2, endLine: 3 });
  });

  it('fails on a missing region, naming the file and listing its regions', () => {
    assert.throws(
      () => extractRegion(SOURCE, 'nope', 'src/x.ts'),
      (error: Error) =>
        error instanceof RegionError &&
        error.message === 'region "nope" not found in src/x.ts; regions in it: inner, outer',
    );
    assert.throws(() => extractRegion('const a = 1;\n', 'nope', 'src/a.ts'), /^RegionError: region "nope" not found in src\/a\.ts; it has no regions$/);
  });
});

describe('splitFileReference', () => {
  it('splits a path from its region', () => {
    assert.deepEqual(splitFileReference('chapters-code/07-dynamodb/src/x.ts#region-name'), { path: 'chapters-code/07-dynamodb/src/x.ts', region: 'region-name' });
    assert.deepEqual(splitFileReference('chapters-code/07-dynamodb/serverless.yml'), { path: 'chapters-code/07-dynamodb/serverless.yml', region: undefined });
    assert.deepEqual(splitFileReference('a.ts#'), { path: 'a.ts', region: undefined });
  });
});
