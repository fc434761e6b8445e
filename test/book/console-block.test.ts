import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blockName, parseCommands, renderBody, tidyOutput, toRunnableBlock } from '../../scripts/book/lib/console-block.js';
import { findFences } from '../../scripts/book/lib/markdown.js';

describe('parseCommands', () => {
  test('splits commands from their output, joining continuation lines', () => {
    const commands = parseCommands([
      '$ curl -s -X POST localhost:3000/drivers \\',
      "    -H 'content-type: application/json' \\",
      `    -d '{"name":"Ana"}'`,
      '{"driverId":"<uuid>"}',
      '$ echo done',
      'done',
      '',
    ]);
    assert.equal(commands.length, 2);
    assert.equal(commands[0]!.script, `curl -s -X POST localhost:3000/drivers \\\n    -H 'content-type: application/json' \\\n    -d '{"name":"Ana"}'`);
    assert.deepEqual(commands[0]!.output, ['{"driverId":"<uuid>"}']);
    assert.equal(commands[0]!.bodyLine, 0);
    assert.deepEqual(commands[1]!.output, ['done', '']);
    assert.equal(commands[1]!.bodyLine, 4);
  });

  test('does not continue a line that ends in an escaped backslash', () => {
    const commands = parseCommands(['$ echo a\\\\', 'a\\']);
    assert.equal(commands[0]!.script, 'echo a\\\\');
    assert.deepEqual(commands[0]!.output, ['a\\']);
  });

  test('rejects output before the first command, but not blank lines', () => {
    assert.throws(() => parseCommands(['hello', '$ echo hello']), /line 1 of the block is output/);
    assert.equal(parseCommands(['', '$ echo hello']).length, 1);
  });

  test('rejects an empty prompt', () => {
    assert.throws(() => parseCommands(['$  ']), /a prompt with no command/);
  });
});

describe('renderBody', () => {
  test('writes each command with its tidied output, and parsing it back gives the same block', () => {
    const body = renderBody([
      { lines: ['$ npm run invoke'], output: ['', '> pkg@1.0.0 invoke  ', '', '{}', '', ''] },
      { lines: ['$ echo \\', '  hi'], output: ['hi'] },
    ]);
    assert.deepEqual(body, ['$ npm run invoke', '> pkg@1.0.0 invoke', '', '{}', '$ echo \\', '  hi', 'hi']);
    assert.deepEqual(renderBody(parseCommands(body)), body);
  });

  test('tidyOutput drops trailing spaces and blank lines at both ends only', () => {
    assert.deepEqual(tidyOutput(['', ' a ', '', 'b', '  ']), [' a', '', 'b']);
  });
});

describe('toRunnableBlock', () => {
  const fence = (info: string, ...body: string[]) => findFences([`\`\`\`${info}`, ...body, '```'])[0]!;

  test('reads the chapter, title and flags', () => {
    const block = toRunnableBlock(fence('console run=07-dynamodb title="Create a driver" aws timeout=90', '$ npm run deploy'), 2)!;
    assert.equal(block.chapter, '07-dynamodb');
    assert.equal(block.title, 'Create a driver');
    assert.equal(block.aws, true);
    assert.equal(block.mayFail, false);
    assert.equal(block.timeoutSeconds, 90);
    assert.equal(blockName(block), 'block 2 "Create a driver"');
  });

  test('needs the local stack when a command calls localhost:3000, or when marked stack', () => {
    assert.equal(toRunnableBlock(fence('console run=x', '$ npm run invoke'), 1)!.needsStack, false);
    assert.equal(toRunnableBlock(fence('console run=x', '$ curl -s \\', '  localhost:3000/drivers'), 1)!.needsStack, true);
    assert.equal(toRunnableBlock(fence('console run=x stack', '$ npm run test:integration'), 1)!.needsStack, true);
  });

  test('ignores blocks that are not console blocks with run=', () => {
    assert.equal(toRunnableBlock(fence('console', '$ node --version'), 1), undefined);
    assert.equal(toRunnableBlock(fence('bash run=x', 'echo'), 1), undefined);
  });

  test('rejects typos in the meta', () => {
    assert.throws(() => toRunnableBlock(fence('console run=x titel="t"', '$ true'), 1), /unknown meta "titel"/);
    assert.throws(() => toRunnableBlock(fence('console run', '$ true'), 1), /run= needs a code chapter/);
    assert.throws(() => toRunnableBlock(fence('console run=x may-fail=yes', '$ true'), 1), /may-fail is a flag/);
    assert.throws(() => toRunnableBlock(fence('console run=x timeout=soon', '$ true'), 1), /timeout= needs a number/);
    assert.throws(() => toRunnableBlock(fence('console run=x'), 1), /no "\$ " command/);
  });
});
