import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURE_BOOK, fixtureArgs, runScript, scratchBook } from './helpers.js';

describe('book:coverage', () => {
  test('passes when every code chapter is named by a page and has tests', async () => {
    const run = await runScript('coverage', fixtureArgs(FIXTURE_BOOK));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^book:coverage: ok, 2 code chapters, 2 test files; [\d.]+ s\n$/);
  });

  test('fails on a missing or untested code folder, and on a folder no chapter names', async (t) => {
    const { dir, cleanup } = scratchBook(false);
    t.after(cleanup);
    const book = join(dir, 'book');
    const code = join(dir, 'chapters-code');
    mkdirSync(book);
    const chapter = (name: string, files: Record<string, string>): void => {
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(join(code, name, file, '..'), { recursive: true });
        writeFileSync(join(code, name, file), content);
      }
    };
    chapter('05-tested', { 'package.json': '{"scripts":{"test":"jest"}}', 'test/unit/a.test.ts': '' });
    chapter('06-untested', { 'package.json': '{"scripts":{"test":"jest"}}', 'test/helpers.ts': '' });
    chapter('07-no-script', { 'package.json': '{"scripts":{}}', 'test/a.spec.mjs': '' });
    chapter('08-orphan', { 'package.json': '{}' });
    writeFileSync(join(book, '05.md'), '---\ntitle: Five\ncode: 05-tested\n---\n\n```console run=05-tested\n$ true\n```\n');
    writeFileSync(join(book, '06.md'), '---\ntitle: Six\ncode: 06-untested\n---\n');
    writeFileSync(join(book, '07.md'), '---\ntitle: Seven\ncode: 07-no-script\n---\n');
    writeFileSync(join(book, '09.md'), '---\ntitle: Nine\ncode: 09-missing\n---\n');
    writeFileSync(join(book, '01.md'), '---\ntitle: One\n---\n');

    const run = await runScript('coverage', ['--root', dir]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.stderr.split('\n').filter((line) => line.startsWith('FAIL')),
      [
        'FAIL chapters-code/06-untested: no test files (*.test.ts, *.spec.ts, …) under test/',
        'FAIL chapters-code/07-no-script: package.json has no "test" script',
        'FAIL book/09.md: code: 09-missing, but there is no chapters-code/09-missing/package.json',
        'FAIL chapters-code/08-orphan: no chapter names it in its front matter (code: 08-orphan)',
      ],
    );
    assert.match(run.stderr, /book:coverage: FAILED, 4 problems; 4 code chapters, 2 test files; no runnable block yet in: 06-untested, 07-no-script;/);
  });
});
