// Tools depend on tools, tests on tools, never the other way: nothing in scripts/ or website/
// imports a file under test/ (what both need lives in scripts/lib/ or scripts/<tool>/lib/).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../scripts/lib/repo';

const SKIP = new Set(['node_modules', 'build', '.docusaurus', 'test-output']);
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]sx?)$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line -> target` for each relative import of a file under test/. */
function importsOfTest(file: string, text = readFileSync(file, 'utf8')): string[] {
  return [...text.matchAll(IMPORT)].flatMap((match) => {
    const target = relative(repoRoot, resolve(dirname(file), match[1]!));
    if (!target.startsWith('test/')) return [];
    const line = text.slice(0, match.index).split('\n').length;
    return [`${relative(repoRoot, file)}:${line} -> ${target}`];
  });
}

describe('boundaries', () => {
  it('nothing in scripts/ or website/ imports from test/', () => {
    const files = ['scripts', 'website'].flatMap((folder) => sourceFiles(join(repoRoot, folder)));
    assert.ok(files.length > 50, `read ${files.length} files`);
    assert.deepEqual(files.flatMap((file) => importsOfTest(file)), []);
  });

  it('would see such an import, static or dynamic', () => {
    const file = join(repoRoot, 'scripts', 'site', 'example.ts');
    const text = ["import { a } from './lib/a';", "import { b } from '../../test/site/support/b';", "const c = await import('../../test/c');"].join('\n');
    assert.deepEqual(importsOfTest(file, text), ['scripts/site/example.ts:2 -> test/site/support/b', 'scripts/site/example.ts:3 -> test/c']);
  });
});
