// No hand-typed listings: every code or configuration block in the book is embedded from a real
// file (```ts file=chapters-code/…#region), unless it is marked `illustrative` and is short.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { formatSeconds, parseCli } from '../lib/cli.js';
import { layout, LAYOUT_OPTIONS } from './lib/layout.js';
import { readPages } from './lib/markdown.js';
import { extractRegion, splitFileReference } from '../lib/regions.js';

/** Languages whose blocks are listings of code or configuration. */
const LISTING_LANGUAGES = new Set([
  'ts', 'tsx', 'typescript', 'js', 'jsx', 'javascript', 'mjs', 'cjs', 'yaml', 'yml', 'json', 'json5', 'jsonc',
]);
const MAX_ILLUSTRATIVE_LINES = 15;

const spec = {
  command: 'tsx scripts/book/listings.ts',
  summary: [
    `Fails on any ${[...LISTING_LANGUAGES].slice(0, 6).join('/')}/… block in the book that is not embedded from a file`,
    `(file=path or file=path#region) unless it is marked illustrative and has at most ${MAX_ILLUSTRATIVE_LINES} lines,`,
    'and on any file= whose file or region does not exist.',
  ].join('\n'),
  options: { ...LAYOUT_OPTIONS },
};

function main(): number {
  const started = Date.now();
  const dirs = layout(parseCli(spec));
  const problems: string[] = [];
  let embedded = 0;
  let illustrative = 0;
  let pages = 0;

  const texts = new Map<string, string>();
  /** Why the site could not embed `region` of `file` (its own message), or undefined when it can. */
  const embedProblem = (file: string, label: string, region: string | undefined): string | undefined => {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = readFileSync(file, 'utf8')));
    try {
      extractRegion(text, region, label);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  if (!existsSync(dirs.book)) {
    console.error(`book:listings: no book folder at ${dirs.book}`);
    return 1;
  }
  for (const page of readPages(dirs.book, dirs.root, problems)) {
    pages++;
    for (const fence of page.fences) {
      const at = `${page.displayPath}:${fence.openLine + 1}`;
      const reference = fence.attrs.file;
      if (reference !== undefined) {
        if (reference === true || reference === '') {
          problems.push(`${at}: file= needs a path, e.g. file=chapters-code/07-dynamodb/src/handlers/create-driver.ts#handler`);
          continue;
        }
        const { path: filePath, region } = splitFileReference(reference);
        const file = resolve(dirs.root, filePath);
        const inside = relative(dirs.root, file);
        if (isAbsolute(filePath) || inside.startsWith('..')) {
          problems.push(`${at}: file=${reference} must be a path inside the repository, relative to its root`);
          continue;
        }
        if (!existsSync(file) || !statSync(file).isFile()) {
          problems.push(`${at}: file=${reference}: there is no file ${filePath}`);
          continue;
        }
        const problem = embedProblem(file, filePath, region);
        if (problem) {
          problems.push(`${at}: file=${reference}: ${problem}`);
          continue;
        }
        if (LISTING_LANGUAGES.has(fence.lang)) embedded++;
        continue;
      }
      if (!LISTING_LANGUAGES.has(fence.lang)) continue;
      if (fence.attrs.illustrative === true) {
        if (fence.body.length > MAX_ILLUSTRATIVE_LINES) {
          problems.push(
            `${at}: an illustrative ${fence.lang} block has ${fence.body.length} lines, at most ${MAX_ILLUSTRATIVE_LINES}: ` +
              'make it a region of a real file and embed it with file=',
          );
        } else {
          illustrative++;
        }
        continue;
      }
      problems.push(
        `${at}: a hand-typed ${fence.lang} listing: embed it from its file (\`\`\`${fence.lang} file=chapters-code/…#region) ` +
          `or, for a sketch of at most ${MAX_ILLUSTRATIVE_LINES} lines that is not in any chapter's code, mark it illustrative`,
      );
    }
  }

  const counts = `${embedded} embedded, ${illustrative} illustrative, in ${pages} page${pages === 1 ? '' : 's'}`;
  const time = formatSeconds(Date.now() - started);
  if (problems.length > 0) {
    console.error(problems.map((problem) => `FAIL ${problem}`).join('\n'));
    console.error(`book:listings: FAILED, ${problems.length} problem${problems.length === 1 ? '' : 's'}; listings ${counts}; ${time}`);
    return 1;
  }
  console.log(`book:listings: ok, listings ${counts}; ${time}`);
  return 0;
}

process.exitCode = main();
