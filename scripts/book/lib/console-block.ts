// The runnable block format. In the book:
//
//   ```console run=07-dynamodb title="Create a driver"
//   $ curl -s -X POST localhost:3000/drivers \
//       -H 'content-type: application/json' \
//       -d '{"name":"Ana Silva","city":"Lisbon"}'
//   {"driverId":"<uuid>","name":"Ana Silva","city":"Lisbon"}
//   ```
//
// A line starting with `$ ` is a command; a command line ending in `\` continues on the next line.
// Every other line is output of the command above it.

import type { Fence } from './markdown.js';

/** A command that calls the book's local API. */
const BOOK_URL = /\b(?:localhost|127\.0\.0\.1):3000\b/;

export interface ConsoleCommand {
  /** The command as the book shows it, prompt included, one entry per line. */
  lines: string[];
  /** What the shell runs: the prompt removed, continuation lines kept. */
  script: string;
  /** The output the book shows for this command. */
  output: string[];
  /** 0-based index of the command's first line within the block body. */
  bodyLine: number;
}

export interface RunnableBlock {
  fence: Fence;
  /** The code chapter the block runs against (`run=`). */
  chapter: string;
  title: string | undefined;
  /** 1-based position among the runnable blocks of its page, for messages. */
  number: number;
  /** Marked `aws`: needs an AWS account, so it is checked but never run. */
  aws: boolean;
  /** Marked `may-fail`: a non-zero exit status is part of what the block shows. */
  mayFail: boolean;
  /**
   * Needs the chapter's local stack (`npm run dev`): marked `stack`, or a command calls
   * localhost:3000. Blocks that only run npm scripts (`npm run invoke`, `npm test`) do not.
   */
  needsStack: boolean;
  /** `timeout=<seconds>` for each command in the block. */
  timeoutSeconds: number | undefined;
  commands: ConsoleCommand[];
}

const PROMPT = '$ ';
const FLAGS = ['aws', 'may-fail', 'stack'];

/** Known meta keys of a runnable block; anything else is probably a typo. */
export const RUNNABLE_META = new Set(['run', 'title', 'aws', 'may-fail', 'stack', 'timeout', 'showLineNumbers']);

function continues(line: string): boolean {
  const trailing = /\\+$/.exec(line);
  return trailing !== null && trailing[0].length % 2 === 1;
}

/** Splits a block body into commands and their outputs. Throws when output precedes any command. */
export function parseCommands(body: readonly string[]): ConsoleCommand[] {
  const commands: ConsoleCommand[] = [];
  let i = 0;
  while (i < body.length) {
    const line = body[i]!;
    if (!line.startsWith(PROMPT)) {
      if (commands.length === 0) {
        if (line.trim() === '') {
          i++;
          continue;
        }
        throw new Error(`line ${i + 1} of the block is output, but no "$ " command comes before it`);
      }
      commands[commands.length - 1]!.output.push(line);
      i++;
      continue;
    }
    const start = i;
    const lines = [line];
    while (continues(lines[lines.length - 1]!) && i + 1 < body.length) {
      i++;
      lines.push(body[i]!);
    }
    const script = [lines[0]!.slice(PROMPT.length), ...lines.slice(1)].join('\n');
    if (script.trim() === '') throw new Error(`line ${start + 1} of the block is a prompt with no command`);
    commands.push({ lines, script, output: [], bodyLine: start });
    i++;
  }
  return commands;
}

/** Trailing spaces and blank lines at either end of an output are never significant. */
export function tidyOutput(output: readonly string[]): string[] {
  const lines = output.map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The body of a block as the book should show it: each command, then its (tidied) output. */
export function renderBody(commands: ReadonlyArray<Pick<ConsoleCommand, 'lines' | 'output'>>): string[] {
  return commands.flatMap((command) => [...command.lines, ...tidyOutput(command.output)]);
}

/** Turns a fence into a runnable block, or returns undefined when it is not one (`console` + `run=`). */
export function toRunnableBlock(fence: Fence, number: number): RunnableBlock | undefined {
  if (fence.lang !== 'console' || fence.attrs.run === undefined) return undefined;
  const chapter = fence.attrs.run;
  if (chapter === true || chapter === '') throw new Error('run= needs a code chapter, e.g. run=07-dynamodb');
  const unknown = Object.keys(fence.attrs).filter((key) => !RUNNABLE_META.has(key));
  if (unknown.length > 0) {
    throw new Error(`unknown meta ${unknown.map((key) => `"${key}"`).join(', ')} (known: ${[...RUNNABLE_META].join(', ')})`);
  }
  for (const flag of FLAGS) {
    if (fence.attrs[flag] !== undefined && fence.attrs[flag] !== true) throw new Error(`${flag} is a flag: write it without a value`);
  }
  let timeoutSeconds: number | undefined;
  if (fence.attrs.timeout !== undefined) {
    timeoutSeconds = Number(fence.attrs.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new Error('timeout= needs a number of seconds');
  }
  const commands = parseCommands(fence.body);
  if (commands.length === 0) throw new Error('the block has no "$ " command');
  return {
    fence,
    chapter,
    title: typeof fence.attrs.title === 'string' ? fence.attrs.title : undefined,
    number,
    aws: fence.attrs.aws === true,
    mayFail: fence.attrs['may-fail'] === true,
    needsStack: fence.attrs.stack === true || commands.some((command) => BOOK_URL.test(command.script)),
    timeoutSeconds,
    commands,
  };
}

/** `block 2 "Create a driver"`, the way messages name a block. */
export function blockName(block: Pick<RunnableBlock, 'number' | 'title'>): string {
  return block.title ? `block ${block.number} "${block.title}"` : `block ${block.number}`;
}
