/**
 * `npm test`: every check of the repository, one step after another, with the
 * time each took. Usage: tsx scripts/run-checks.ts [--only a,b] [--skip a,b] [--list]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOption, parseCli, type CliSpec } from './lib/cli';
import { PACKAGED_CHAPTERS_VARIABLE, packageChapters, packagingConcurrency } from './lib/packaged-chapters';
import { codeChapters, repoRoot } from './lib/repo';

interface Step {
  name: string;
  what: string;
  /** Reads every chapter's package (tests, the cost figures in the book and on the site): package once, share. */
  usesPackages?: boolean;
  commands: Array<{ cwd: string; command: string; args: string[] }>;
}

const npx = (cwd: string, ...args: string[]) => ({ cwd, command: 'npx', args: ['--no-install', ...args] });
const npm = (cwd: string, ...args: string[]) => ({ cwd, command: 'npm', args });
const chapterFolder = (chapter: string) => join(repoRoot, 'chapters-code', chapter);

/**
 * Glob patterns for the test runner, which expands them itself: the *.test.ts files at the top of
 * each folder (support/ and fixtures/ below them hold helpers and inputs, not tests).
 */
const testFiles = (...folders: string[]) => folders.map((folder) => `${folder}/*.test.ts`);

/**
 * Packages every chapter once, for all the repo tests that read the packages (each test file
 * runs in a process of its own and would otherwise package every chapter again).
 */
async function packageEveryChapter() {
  const folder = mkdtempSync(join(tmpdir(), 'rtr-packaged-'));
  const chapters = codeChapters();
  const started = Date.now();
  await packageChapters(chapters, folder);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`packaged ${chapters.length} chapters in ${seconds} s, ${packagingConcurrency} at a time`);
  return { env: { [PACKAGED_CHAPTERS_VARIABLE]: folder }, cleanUp: () => rmSync(folder, { recursive: true, force: true }) };
}

const steps: Step[] = [
  {
    name: 'workflows',
    what: 'GitHub workflow files are valid',
    // action-validator checks one file per call.
    commands: ['ci.yml', 'pages.yml'].map((file) => npx(repoRoot, 'action-validator', `.github/workflows/${file}`)),
  },
  {
    name: 'typecheck',
    what: 'tsc --noEmit for scripts/, test/ and every chapter',
    commands: [
      npx(repoRoot, 'tsc', '--noEmit', '-p', 'tsconfig.json'),
      ...codeChapters().map((chapter) => npx(chapterFolder(chapter), 'tsc', '--noEmit', '-p', '.')),
    ],
  },
  {
    name: 'chapters',
    what: 'each chapter’s own npm test (unit, and integration on its local stack)',
    commands: codeChapters().map((chapter) => npm(chapterFolder(chapter), 'test')),
  },
  {
    name: 'repo',
    what: 'repository tests: packaging and CloudFormation policy, self-containment, the chapters’ computed costs, the sweep, the PDF reader, the book tools and their shared library',
    usesPackages: true,
    commands: [npx(repoRoot, 'tsx', '--test', '--test-reporter=spec', ...testFiles('test/package', 'test/book', 'test/lib', 'test/cost', 'test/sweep', 'test/pdf'))],
  },
  {
    name: 'book',
    what: 'the book runs: listings are embedded, every command shown is executed and its output compared',
    usesPackages: true,
    commands: [
      npx(repoRoot, 'tsx', 'scripts/book/listings.ts'),
      npx(repoRoot, 'tsx', 'scripts/book/coverage.ts'),
      npx(repoRoot, 'tsx', 'scripts/book/verify.ts'),
    ],
  },
  {
    name: 'website',
    what: 'prose lint, the site build, the book as a PDF and the browser tests in Chromium',
    usesPackages: true,
    commands: [npm(join(repoRoot, 'website'), 'test')],
  },
];

const stepNames = steps.map((step) => step.name);

const spec: CliSpec = {
  command: 'tsx scripts/run-checks.ts',
  summary: 'Runs every check of the repository (`npm test`), one step after another, and prints the time each took.',
  options: {
    only: { type: 'string', multiple: true, value: '<a,b>', description: 'run only these steps' },
    skip: { type: 'string', multiple: true, value: '<a,b>', description: 'leave these steps out' },
    list: { type: 'boolean', description: 'print the names of the steps that would run, and stop' },
  },
  footer: ['Steps, in order:', ...steps.map((step) => `  ${step.name.padEnd(10)} ${step.what}`)].join('\n'),
};

async function main(): Promise<number> {
  const values = parseCli(spec);
  const only = listOption(spec, values, 'only', stepNames);
  const skip = listOption(spec, values, 'skip', stepNames) ?? [];
  const chosen = steps.filter((step) => (!only || only.includes(step.name)) && !skip.includes(step.name));
  if (values.list) {
    chosen.forEach((step) => console.log(step.name));
    return 0;
  }

  const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
  // Packaged by the first step that reads the packages, kept for the others, removed at the end.
  let packages: Awaited<ReturnType<typeof packageEveryChapter>> | undefined;
  try {
    for (const step of chosen) {
      console.log(`\n=== ${step.name}: ${step.what}`);
      const started = Date.now();
      let ok = true;
      if (step.usesPackages) packages ??= await packageEveryChapter();
      for (const { cwd, command, args } of step.commands) {
        const env = { ...process.env, ...(step.usesPackages ? packages?.env : {}) };
        const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: false });
        if (result.status !== 0) {
          console.error(`\n${step.name} failed: ${command} ${args.join(' ')} (in ${cwd}) exited with ${result.status ?? result.signal}`);
          ok = false;
          break;
        }
      }
      results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
    }
  } finally {
    packages?.cleanUp();
  }

  console.log('\n=== summary');
  for (const { name, ok, seconds } of results) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(10)} ${seconds.toFixed(1)} s`);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
