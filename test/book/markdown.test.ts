import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFences, parseMeta, readFrontMatter, replaceBodies, splitInfo, type Page } from '../../scripts/book/lib/markdown.js';

describe('parseMeta', () => {
  test('reads bare values, quoted values and flags', () => {
    assert.deepEqual(parseMeta(`run=07-dynamodb title="Create a driver" aws label='a b' file=src/x.ts#region-name`), {
      run: '07-dynamodb',
      title: 'Create a driver',
      aws: true,
      label: 'a b',
      file: 'src/x.ts#region-name',
    });
  });

  test('reads an empty meta as no attributes', () => {
    assert.deepEqual(parseMeta(''), {});
  });

  test('rejects an unterminated quote', () => {
    assert.throws(() => parseMeta('title="oops'), /unterminated " in the fence meta/);
  });
});

describe('splitInfo', () => {
  test('separates the language from the meta and lower-cases the language', () => {
    assert.deepEqual(splitInfo('TS file=a.ts'), { lang: 'ts', meta: 'file=a.ts' });
    assert.deepEqual(splitInfo('console'), { lang: 'console', meta: '' });
    assert.deepEqual(splitInfo(''), { lang: '', meta: '' });
  });
});

describe('findFences', () => {
  test('finds backtick and tilde fences with their lines and meta', () => {
    const lines = ['# Title', '', '```console run=05-first-function', '$ npm run invoke', '{}', '```', '', '~~~ts illustrative', 'const a = 1;', '~~~'];
    const fences = findFences(lines);
    assert.equal(fences.length, 2);
    assert.deepEqual(
      fences.map(({ lang, openLine, closeLine, body, attrs }) => ({ lang, openLine, closeLine, body, attrs })),
      [
        { lang: 'console', openLine: 2, closeLine: 5, body: ['$ npm run invoke', '{}'], attrs: { run: '05-first-function' } },
        { lang: 'ts', openLine: 7, closeLine: 9, body: ['const a = 1;'], attrs: { illustrative: true } },
      ],
    );
  });

  test('treats a shorter fence inside a longer one as body text', () => {
    const fences = findFences(['````md', '```ts', 'x', '```', '````', '```yaml', 'a: 1', '```']);
    assert.deepEqual(fences.map((fence) => [fence.lang, fence.body.length]), [['md', 3], ['yaml', 1]]);
  });

  test('removes the fence indentation from body lines (fences in list items)', () => {
    const [fence] = findFences(['1. Run it:', '   ```console run=x', '   $ echo hi', '   hi', '   ```']);
    assert.equal(fence!.indent, 3);
    assert.deepEqual(fence!.body, ['$ echo hi', 'hi']);
  });

  test('runs an unclosed fence to the end of the page', () => {
    const [fence] = findFences(['```ts', 'a', 'b']);
    assert.equal(fence!.closeLine, 3);
    assert.deepEqual(fence!.body, ['a', 'b']);
  });
});

describe('readFrontMatter', () => {
  test('parses YAML front matter and says where the body starts', () => {
    const { data, end } = readFrontMatter(['---', 'title: "What is API Gateway?"', 'code: 06-api-gateway', '---', 'Body']);
    assert.deepEqual(data, { title: 'What is API Gateway?', code: '06-api-gateway' });
    assert.equal(end, 4);
  });

  test('returns nothing for a page without front matter', () => {
    assert.deepEqual(readFrontMatter(['# Title']), { data: {}, end: 0 });
  });
});

describe('replaceBodies', () => {
  test('rewrites only the given blocks and keeps every other line, indentation and line ending', () => {
    const text = ['Intro', '', '- step', '  ```console run=x', '  $ echo a', '  old', '  ```', '', '```console run=y', '$ echo b', '```', 'End'].join('\r\n');
    const lines = text.split('\r\n');
    const page: Page = { path: 'p.md', displayPath: 'p.md', text, lines, eol: '\r\n', frontMatter: {}, fences: findFences(lines) };
    const out = replaceBodies(page, new Map([[3, ['$ echo a', 'a', '', 'more']]]));
    assert.equal(
      out,
      ['Intro', '', '- step', '  ```console run=x', '  $ echo a', '  a', '', '  more', '  ```', '', '```console run=y', '$ echo b', '```', 'End'].join('\r\n'),
    );
  });
});
