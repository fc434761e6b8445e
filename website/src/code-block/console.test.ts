import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleCommands, consoleLines } from './console';

describe('console blocks', () => {
  const code = ["$ curl -s -X POST localhost:3000/drivers \\", "    -d '{}'", 'HTTP/1.1 201 Created', '', '$ npm test', 'ok'].join('\n');

  it('tells commands, their continuation lines and output apart', () => {
    assert.deepEqual(consoleLines(code, 'console'), ['command', 'continuation', 'output', 'output', 'command', 'output']);
  });

  it('copies the commands without prompts, continuation lines kept', () => {
    assert.equal(consoleCommands(code, consoleLines(code, 'console')!), "curl -s -X POST localhost:3000/drivers \\\n    -d '{}'\nnpm test");
  });

  it('leaves other blocks alone', () => {
    assert.equal(consoleLines(code, 'bash'), null);
    assert.equal(consoleLines('just output', 'console'), null);
  });
});
