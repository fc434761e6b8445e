// End-to-end tests of scripts/book/verify.ts against fixture pages (test/book/fixtures/book) and
// fixture code chapters: 90-fake-api, whose `npm run dev` is a small Node HTTP server standing in
// for serverless-offline, and 91-fake-cli, a chapter without a stack.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { anyAlive, FIXTURE_BOOK, fixtureArgs, runScript, scratchBook } from './helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function pidsIn(file: string): number[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
}

/** Removes every output from the runnable, non-aws blocks of a page: what an author writes before a refresh. */
function withoutOutputs(markdown: string): string {
  const out: string[] = [];
  let inRunnable = false;
  let continuing = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```console run=') && !/\baws\b/.test(line)) {
      inRunnable = true;
    } else if (inRunnable && line === '```') {
      inRunnable = false;
    } else if (inRunnable && !line.startsWith('$ ') && !continuing) {
      continue;
    }
    continuing = inRunnable && /\\$/.test(line);
    out.push(line);
  }
  return out.join('\n');
}

describe('book:verify', { concurrency: 2 }, () => {
  test('runs the fixture book, reports blocks and commands per chapter, and stops the stack', async (t) => {
    const { dir, cleanup } = scratchBook(false);
    t.after(cleanup);
    const pidFile = join(dir, 'pids');
    const run = await runScript('verify', fixtureArgs(FIXTURE_BOOK), { FAKE_PID_FILE: pidFile });
    assert.equal(run.code, 0, run.stderr);
    const pids = pidsIn(pidFile);
    assert.equal(pids.length, 2, 'the stack and its child started once');
    assert.equal(anyAlive(pids), false, 'the stack and its child are stopped');
    assert.match(run.stdout, /^90-fake-api \(test\/book\/fixtures\/book\/90-fake-api\.md\): blocks 3 run, 1 skipped \(aws\); commands 5 run, 3 skipped; [\d.]+ s, stack ready in [\d.]+ s$/m);
    assert.match(run.stdout, /^91-fake-cli \(.*\): blocks 1 run, 0 skipped \(aws\); commands 1 run, 0 skipped; [\d.]+ s$/m);
    assert.match(run.stdout, /^book:verify: ok, 2 chapters; 4 blocks and 6 commands run, 2 blocks and 4 commands skipped \(aws\)/m);
    assert.equal(run.stderr.replace(/^npm warn.*\n/gm, ''), '');
  });

  test('a deliberately changed output fails with a unified diff naming the chapter and the block', async (t) => {
    const { dir, cleanup } = scratchBook();
    t.after(cleanup);
    const page = join(dir, '90-fake-api.md');
    const original = readFileSync(page, 'utf8');
    // Change the output line, not the command: the book now claims a city the API never returned.
    const changed = original.replace('"name":"Ana Silva","city":"Lisbon","createdAt"', '"name":"Ana Silva","city":"Lisboa","createdAt"');
    assert.notEqual(changed, original);
    writeFileSync(page, changed);

    const run = await runScript('verify', fixtureArgs(dir));
    t.diagnostic('what the author sees:');
    for (const line of run.stderr.trimEnd().split('\n')) t.diagnostic(line);
    assert.equal(run.code, 1);
    const lines = run.stderr.split('\n');
    const failure = lines.findIndex((line) => line.startsWith('FAIL 90-fake-api, block 1 "Create a driver"'));
    assert.ok(failure >= 0, run.stderr);
    assert.match(lines[failure]!, /\(.*90-fake-api\.md:11\): the output differs from the book$/);
    assert.deepEqual(lines.slice(failure + 1, failure + 9), [
      `--- ${page} (the book)`,
      '+++ 90-fake-api (real output, normalised)',
      '@@ -12,4 +12,4 @@',
      " $ curl -s -X POST localhost:3000/drivers \\",
      "     -H 'content-type: application/json' \\",
      '     -d \'{"name":"Ana Silva","city":"Lisbon"}\'',
      '-{"driverId":"<uuid>","name":"Ana Silva","city":"Lisboa","createdAt":"<timestamp>"}',
      '+{"driverId":"<uuid>","name":"Ana Silva","city":"Lisbon","createdAt":"<timestamp>"}',
    ]);
    assert.match(run.stderr, /run `npm run book:refresh`/);
    assert.match(run.stderr, /^book:verify: FAILED, 1 failure;/m);
    assert.equal(readFileSync(page, 'utf8'), changed, 'verify never writes the book');
  });

  test('refresh writes the real outputs with placeholders, and a second refresh changes nothing', async (t) => {
    const { dir, cleanup } = scratchBook();
    t.after(cleanup);
    const pages = ['90-fake-api.md', '91-fake-cli.md'];
    const expected = pages.map((name) => readFileSync(join(FIXTURE_BOOK, name), 'utf8'));
    for (const name of pages) writeFileSync(join(dir, name), withoutOutputs(readFileSync(join(dir, name), 'utf8')));
    assert.doesNotMatch(readFileSync(join(dir, pages[0]!), 'utf8'), /<uuid>/);

    const first = await runScript('verify', [...fixtureArgs(dir), '--refresh']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /4 blocks rewritten in 2 pages/);
    assert.deepEqual(pages.map((name) => readFileSync(join(dir, name), 'utf8')), expected);

    const second = await runScript('verify', [...fixtureArgs(dir), '--refresh']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /0 blocks rewritten in 0 pages/);
    assert.deepEqual(pages.map((name) => readFileSync(join(dir, name), 'utf8')), expected);
  });

  test('kills a stack that ignores SIGINT after the stop timeout, and says so', async (t) => {
    const { dir, cleanup } = scratchBook();
    t.after(cleanup);
    const pidFile = join(dir, 'pids');
    const run = await runScript('verify', [...fixtureArgs(dir), '--only', '90-fake-api', '--stop-timeout', '0.5'], {
      FAKE_PID_FILE: pidFile,
      FAKE_IGNORE_SIGNALS: '1',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /warning: 90-fake-api: `npm run dev` did not stop within 0.5 s of SIGINT and was killed/);
    assert.equal(anyAlive(pidsIn(pidFile)), false);
  });

  test('stops the stack when the verifier itself is interrupted', async (t) => {
    const { dir, cleanup } = scratchBook(false);
    t.after(cleanup);
    const pidFile = join(dir, 'pids');
    writeFileSync(join(dir, 'slow.md'), '```console run=90-fake-api stack\n$ sleep 30\n```\n');
    let verifier = 0;
    const running = runScript('verify', fixtureArgs(dir), { FAKE_PID_FILE: pidFile }, (pid) => (verifier = pid));
    for (let i = 0; i < 100 && pidsIn(pidFile).length < 2; i++) await sleep(100);
    assert.equal(pidsIn(pidFile).length, 2, 'the stack started');
    await sleep(300);
    process.kill(verifier, 'SIGTERM');
    const run = await running;
    assert.notEqual(run.code, 0);
    assert.equal(anyAlive(pidsIn(pidFile)), false);
  });

  test('a stack that does not start fails with the end of its log', async (t) => {
    const { dir, cleanup } = scratchBook();
    t.after(cleanup);
    const run = await runScript('verify', [...fixtureArgs(dir), '--only', '90-fake-api'], { FAKE_FAIL_START: '1' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /FAIL 90-fake-api \(.*90-fake-api\.md\): the local stack did not start: `npm run dev` exited \(status 1\)/);
    assert.match(run.stderr, /\| Error: cannot start the fake database/);
  });

  test('a command that fails or hangs stops its page with a clear message', async (t) => {
    const { dir, cleanup } = scratchBook(false);
    t.after(cleanup);
    writeFileSync(
      join(dir, 'errors.md'),
      [
        '```console run=91-fake-cli title="Shown failing" may-fail',
        '$ ls no-such-file',
        '```',
        '',
        '```console run=91-fake-cli title="Failing"',
        '$ echo before',
        'before',
        '$ ls no-such-file',
        '```',
        '',
        '```console run=91-fake-cli title="Not reached"',
        '$ echo after',
        '```',
        '',
      ].join('\n'),
    );
    // Another page: its own shell, so it runs even though the first page's chapter stopped.
    writeFileSync(join(dir, 'hang.md'), '```console run=91-fake-cli title="Hanging" timeout=0.5\n$ sleep 10\n```\n');
    const run = await runScript('verify', fixtureArgs(dir));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /FAIL 91-fake-cli, block 1 "Hanging" .*\n {2}\$ sleep 10\n {2}the command did not finish within 0.5 s/);
    assert.match(run.stderr, /book:verify: FAILED, 3 failures;/);
    assert.match(run.stderr, /FAIL 91-fake-cli, block 1 "Shown failing" .*: the output differs/);
    assert.match(run.stderr, /\+ls: cannot access 'no-such-file': No such file or directory/);
    assert.match(run.stderr, /FAIL 91-fake-cli, block 2 "Failing" \(.*errors\.md:5\)\n {2}\$ ls no-such-file\n {2}exited with status 2/);
    assert.match(run.stdout, /blocks 1 run, 0 skipped \(aws\), 2 not reached/);
  });

  test('checks aws blocks without running them, rejects typos in the meta, and runs nothing then', async (t) => {
    const { dir, cleanup } = scratchBook(false);
    t.after(cleanup);
    writeFileSync(
      join(dir, 'deploy.md'),
      [
        '```console run=90-fake-api aws title="Deploy"',
        '$ npm run deploy',
        '$ npm run deploy:prod',
        '$ npx serverless deplo --stage dev',
        '$ aws cloudformation delete-stack --stack-name x && aws lambdaa list-functions',
        '```',
        '',
        '```console run=91-fake-cli',
        '$ npm run invoke',
        '```',
        '',
        '```console aws',
        '$ aws sts get-caller-identity',
        '$ npm run deploy',
        '```',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'typos.md'),
      ['```console run=99-missing', '$ true', '```', '', '```console run=91-fake-cli aws=yes', '$ true', '```', ''].join('\n'),
    );
    const run = await runScript('verify', fixtureArgs(dir));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /deploy\.md:3: 90-fake-api, block 1 "Deploy" \(aws\): the chapter has no npm script "deploy:prod" \(it has: dev, test, deploy, remove\)/);
    assert.match(run.stderr, /deploy\.md:4: .*"serverless deplo" is not a Serverless Framework command/);
    assert.match(run.stderr, /deploy\.md:5: .*"aws lambdaa" is not an AWS CLI service/);
    assert.doesNotMatch(run.stderr, /deploy\.md:2:/);
    assert.match(run.stderr, /typos\.md:1: block 1: run=99-missing, but there is no .*99-missing\/package\.json/);
    assert.match(run.stderr, /typos\.md:5: block 2: aws is a flag: write it without a value/);
    assert.match(run.stderr, /deploy\.md:14: console aws block: "npm run" runs a chapter's script: name the chapter with run=<chapter>/);
    assert.doesNotMatch(run.stderr, /deploy\.md:13:/);
    assert.match(run.stderr, /6 problems in the book's console blocks; nothing was run/);
    assert.equal(run.stdout, '');
  });

  test('--help describes the options and the placeholders', async () => {
    const run = await runScript('verify', ['--help']);
    assert.equal(run.code, 0);
    for (const text of ['--refresh', '--only', '--book', '<uuid>', '<timestamp>', '<duration>', '<request-id>']) assert.ok(run.stdout.includes(text), text);
  });
});
