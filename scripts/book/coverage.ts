// Every chapter's code is tested and belongs to a chapter: each `code:` folder named in a page's
// front matter exists, has a test script and test files; each folder in chapters-code/ is named.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatSeconds, parseCli } from '../lib/cli.js';
import { layout, LAYOUT_OPTIONS } from './lib/layout.js';
import { listFiles, readPages } from './lib/markdown.js';

const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

const spec = {
  command: 'tsx scripts/book/coverage.ts',
  summary: [
    "Fails when a code folder named in a chapter's `code:` front matter is missing, has no `test`",
    'npm script or no test files under its test/ folder, or when a folder in chapters-code/ is named',
    "by no chapter. Reports code chapters whose page has no runnable block yet.",
  ].join('\n'),
  options: { ...LAYOUT_OPTIONS },
};

function testFiles(dir: string): string[] {
  return existsSync(dir) ? listFiles(dir, TEST_FILE) : [];
}

function main(): number {
  const started = Date.now();
  const dirs = layout(parseCli(spec));
  const problems: string[] = [];
  const named = new Map<string, string>();
  const withoutTryIt: string[] = [];
  let tests = 0;

  if (!existsSync(dirs.book)) {
    console.error(`book:coverage: no book folder at ${dirs.book}`);
    return 1;
  }
  const codeShown = relative(dirs.root, dirs.code) || dirs.code;
  for (const page of readPages(dirs.book, dirs.root, problems)) {
    const code = page.frontMatter.code;
    if (code === undefined || code === null) continue;
    if (typeof code !== 'string' || !/^[\w.-]+$/.test(code)) {
      problems.push(`${page.displayPath}: code: must be the name of one folder in ${codeShown}, e.g. code: 07-dynamodb`);
      continue;
    }
    const other = named.get(code);
    if (other) problems.push(`${page.displayPath}: code: ${code} is already the code of ${other}`);
    named.set(code, page.displayPath);
    const folder = join(dirs.code, code);
    if (!existsSync(join(folder, 'package.json'))) {
      problems.push(`${page.displayPath}: code: ${code}, but there is no ${codeShown}/${code}/package.json`);
      continue;
    }
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    if (!pkg.scripts?.test) problems.push(`${codeShown}/${code}: package.json has no "test" script`);
    const found = testFiles(join(folder, 'test'));
    if (found.length === 0) problems.push(`${codeShown}/${code}: no test files (*.test.ts, *.spec.ts, …) under test/`);
    tests += found.length;
    if (!page.fences.some((fence) => fence.lang === 'console' && fence.attrs.run !== undefined && fence.attrs.aws !== true)) {
      withoutTryIt.push(code);
    }
  }

  if (existsSync(dirs.code)) {
    for (const entry of readdirSync(dirs.code, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (!named.has(entry.name)) problems.push(`${codeShown}/${entry.name}: no chapter names it in its front matter (code: ${entry.name})`);
    }
  }

  const time = formatSeconds(Date.now() - started);
  const summary = `${named.size} code chapter${named.size === 1 ? '' : 's'}, ${tests} test file${tests === 1 ? '' : 's'}`;
  const untried = withoutTryIt.length > 0 ? `; no runnable block yet in: ${withoutTryIt.join(', ')}` : '';
  if (problems.length > 0) {
    console.error(problems.map((problem) => `FAIL ${problem}`).join('\n'));
    console.error(`book:coverage: FAILED, ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${summary}${untried}; ${time}`);
    return 1;
  }
  console.log(`book:coverage: ok, ${summary}${untried}; ${time}`);
  return 0;
}

process.exitCode = main();
