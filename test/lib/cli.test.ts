// Every script of the repo answers --help, and refuses a bad argument with a message and status 2,
// through the one parser (scripts/lib/cli.ts). The scripts are run as a reader runs them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../scripts/lib/repo';

/** The scripts a person runs: the .ts files of scripts/ and its folders, but not their libraries. */
function entryScripts(): string[] {
  const folders = ['scripts', ...readdirSync(join(repoRoot, 'scripts'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'lib').map((e) => `scripts/${e.name}`)];
  return folders.flatMap((folder) =>
    readdirSync(join(repoRoot, folder))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => relative(repoRoot, join(repoRoot, folder, name))),
  );
}

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scripts = entryScripts();

describe('the scripts’ command lines', () => {
  it('finds the scripts', () => {
    for (const script of ['scripts/run-checks.ts', 'scripts/book/verify.ts', 'scripts/book/listings.ts', 'scripts/site/benchmark.ts']) {
      assert.ok(scripts.includes(script), `${script} in ${scripts.join(', ')}`);
    }
  });

  for (const script of scripts) {
    it(`${script} answers --help and refuses an unknown option`, () => {
      const help = run(script, '--help');
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^Usage: tsx ${script.replace(/\./g, '\\.')} \\[options\\]\\n`));
      assert.match(help.stdout, /-h, --help {2,}show this help/);

      const bad = run(script, '--no-such-option');
      assert.equal(bad.status, 2, bad.stdout + bad.stderr);
      assert.match(bad.stderr, new RegExp(`^tsx ${script.replace(/\./g, '\\.')}: Unknown option '--no-such-option'.*\\nRun with --help for the options\\.\\n$`));
      assert.equal(bad.stdout, '');
    });
  }

  it('refuses a value it cannot use, naming the option', () => {
    const step = run('scripts/run-checks.ts', '--only', 'typecheck,nope');
    assert.equal(step.status, 2);
    assert.match(step.stderr, /--only: unknown "nope"; one of workflows, typecheck, /);
    const runs = run('scripts/site/benchmark.ts', '--runs', '1.5');
    assert.equal(runs.status, 2);
    assert.match(runs.stderr, /--runs needs a whole number from 1, not "1\.5"/);
    const preset = run('scripts/site/benchmark.ts', '--preset', 'tablet');
    assert.equal(preset.status, 2);
    assert.match(preset.stderr, /--preset must be one of mobile, desktop, not "tablet"/);
    const timeout = run('scripts/book/verify.ts', '--ready-timeout', 'soon');
    assert.equal(timeout.status, 2);
    assert.match(timeout.stderr, /--ready-timeout needs a number above 0, not "soon"/);
    const missing = run('scripts/site/social-card.ts', '--out');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--out <value>' argument missing/);
  });

  it('reads repeated and comma-separated lists alike', () => {
    const listed = run('scripts/run-checks.ts', '--list', '--skip', 'chapters,website', '--skip', 'book');
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n'), ['workflows', 'typecheck', 'repo']);
  });
});
