/**
 * `npm test`: every check of the repository, one step after another, with the
 * time each took. Usage: tsx scripts/run-checks.ts [--only a,b] [--skip a,b] [--list]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listOption, parseCli, type CliSpec } from './lib/cli';
import { codeChapters, repoRoot } from './lib/repo';

interface Step {
  name: string;
  what: string;
  commands: Array<{ cwd: string; command: string; args: string[] }>;
}

const npx = (cwd: string, ...args: string[]) => ({ cwd, command: 'npx', args: ['--no-install', ...args] });
const npm = (cwd: string, ...args: string[]) => ({ cwd, command: 'npm', args });
const chapterFolder = (chapter: string) => join(repoRoot, 'chapters-code', chapter);

/** The *.test.ts files in the given folders (Node 20's test runner does not expand globs). */
function testFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) => {
    const absolute = join(repoRoot, folder);
    if (!existsSync(absolute)) return [];
    return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.test.ts') && !name.split('/').includes('fixtures'))
      .map((name) => relative(repoRoot, join(absolute, name)))
      .sort();
  });
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
    what: 'repository tests: packaging and CloudFormation policy, self-containment, the book tools and their shared library',
    commands: [npx(repoRoot, 'tsx', '--test', '--test-reporter=spec', ...testFiles('test/package', 'test/book', 'test/lib'))],
  },
  {
    name: 'book',
    what: 'the book runs: listings are embedded, every command shown is executed and its output compared',
    commands: [
      npx(repoRoot, 'tsx', 'scripts/book/listings.ts'),
      npx(repoRoot, 'tsx', 'scripts/book/coverage.ts'),
      npx(repoRoot, 'tsx', 'scripts/book/verify.ts'),
    ],
  },
  {
    name: 'website',
    what: 'prose lint, the site build and the browser tests in Chromium',
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

function main(): number {
  const values = parseCli(spec);
  const only = listOption(spec, values, 'only', stepNames);
  const skip = listOption(spec, values, 'skip', stepNames) ?? [];
  const chosen = steps.filter((step) => (!only || only.includes(step.name)) && !skip.includes(step.name));
  if (values.list) {
    chosen.forEach((step) => console.log(step.name));
    return 0;
  }

  const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
  for (const step of chosen) {
    console.log(`\n=== ${step.name}: ${step.what}`);
    const started = Date.now();
    let ok = true;
    for (const { cwd, command, args } of step.commands) {
      const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: false });
      if (result.status !== 0) {
        console.error(`\n${step.name} failed: ${command} ${args.join(' ')} (in ${cwd}) exited with ${result.status ?? result.signal}`);
        ok = false;
        break;
      }
    }
    results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  }

  console.log('\n=== summary');
  for (const { name, ok, seconds } of results) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(10)} ${seconds.toFixed(1)} s`);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
