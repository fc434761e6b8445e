// The book runs: every ```console run=<chapter> block in book/ is executed against that chapter's
// code, and its output must match what the book shows. See scripts/book/README.md.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkAwsCommand, serverlessCommands, type ChapterCommands } from './lib/aws-commands.js';
import { formatSeconds, parseCli, secondsOption } from '../lib/cli.js';
import { layout, LAYOUT_OPTIONS, type Layout } from './lib/layout.js';
import { blockName, parseCommands, renderBody, toRunnableBlock, type RunnableBlock } from './lib/console-block.js';
import { readPages, replaceBodies, type Page } from './lib/markdown.js';
import { normaliseOutput, PLACEHOLDERS, rewriteCommand } from './lib/normalise.js';
import { freePort } from '../lib/ports.js';
import { interrupted } from '../lib/process-groups.js';
import { CommandError, commandEnvironment, ShellSession } from './lib/shell.js';
import { StackError, startStack, type Stack } from './lib/stack.js';
import { unifiedDiff } from './lib/unified-diff.js';

const placeholderHelp = PLACEHOLDERS.filter((p) => p.meaning)
  .map((p) => `  ${p.name.padEnd(14)} ${p.meaning}`)
  .join('\n');

const spec = {
  command: 'tsx scripts/book/verify.ts',
  summary: [
    'Runs every ```console run=<chapter> block of the book against its code chapter and compares the',
    'real output, normalised, with the book. Blocks marked `aws` are checked, not run. With --refresh,',
    'writes the real outputs into the Markdown instead of comparing.',
  ].join('\n'),
  options: {
    refresh: { type: 'boolean', description: 'rewrite the outputs in the book from real runs' },
    only: { type: 'string', multiple: true, value: '<name>', description: 'only this code chapter or page (e.g. 07-dynamodb); repeatable' },
    quiet: { type: 'boolean', description: 'print only the one-line summary and failures' },
    'ready-timeout': { type: 'string', value: '<s>', description: 'seconds a stack may take to print its ready line (default 120)' },
    'command-timeout': { type: 'string', value: '<s>', description: 'seconds one command may take, unless its block says timeout= (default 60)' },
    'stop-timeout': { type: 'string', value: '<s>', description: 'seconds a stack has to stop after SIGINT before SIGKILL (default 5)' },
    ...LAYOUT_OPTIONS,
  },
  footer: `Placeholders that replace what changes between runs:\n${placeholderHelp}\nand the stack's real port is shown as 3000.`,
} as const;

interface Options extends Layout {
  refresh: boolean;
  only: string[];
  quiet: boolean;
  readyTimeoutMs: number;
  commandTimeoutMs: number;
  stopTimeoutMs: number;
}

/** The runnable blocks of one page that run against one code chapter: one stack, one shell. */
interface Group {
  page: Page;
  chapter: string;
  chapterDir: string;
  blocks: RunnableBlock[];
}

interface GroupResult {
  blocksRun: number;
  blocksSkipped: number;
  commandsRun: number;
  commandsSkipped: number;
  ms: number;
  stackMs: number | undefined;
  failures: string[];
  warnings: string[];
  /** Refresh: new bodies by the fence's opening line. */
  bodies: Map<number, string[]>;
}

function where(group: Group, block: RunnableBlock): string {
  return `${group.chapter}, ${blockName(block)} (${group.page.displayPath}:${block.fence.openLine + 1})`;
}

function indentText(text: string, prefix = '  | '): string {
  return text.split('\n').map((line) => prefix + line).join('\n');
}

function readScripts(chapterDir: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(chapterDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return pkg.scripts ?? {};
}

/** Reads every page and returns the groups to run, or the problems found without running anything. */
function collect(options: Options): { groups: Group[]; problems: string[]; unchecked: number; awsOnly: { blocks: number; commands: number } } {
  const problems: string[] = [];
  const groups: Group[] = [];
  const awsOnly = { blocks: 0, commands: 0 };
  let unchecked = 0;
  const chapters = new Map<string, ChapterCommands | undefined>();
  const chapterCommands = (chapter: string): ChapterCommands | undefined => {
    if (!chapters.has(chapter)) {
      const dir = join(options.code, chapter);
      chapters.set(chapter, existsSync(join(dir, 'package.json')) ? { scripts: readScripts(dir), serverless: serverlessCommands(dir) } : undefined);
    }
    return chapters.get(chapter);
  };

  if (!existsSync(options.book)) return { groups, problems: [`no book folder at ${options.book}`], unchecked, awsOnly };
  for (const page of readPages(options.book, options.root, problems)) {
    let number = 0;
    for (const fence of page.fences) {
      if (fence.lang !== 'console') continue;
      if (fence.attrs.run === undefined) {
        if (fence.attrs.aws !== true) {
          unchecked++;
          continue;
        }
        // An AWS block that names no chapter (setting up credentials, say): its commands are checked too.
        try {
          const commands = parseCommands(fence.body);
          awsOnly.blocks++;
          awsOnly.commands += commands.length;
          for (const command of commands) {
            for (const message of checkAwsCommand(command.script, { scripts: undefined, serverless: serverlessCommands(options.root) })) {
              problems.push(`${page.displayPath}:${fence.openLine + 2 + command.bodyLine}: console aws block: ${message}`);
            }
          }
        } catch (error) {
          problems.push(`${page.displayPath}:${fence.openLine + 1}: ${(error as Error).message}`);
        }
        continue;
      }
      number++;
      const at = `${page.displayPath}:${fence.openLine + 1}`;
      let block: RunnableBlock | undefined;
      try {
        block = toRunnableBlock(fence, number);
      } catch (error) {
        problems.push(`${at}: block ${number}: ${(error as Error).message}`);
        continue;
      }
      if (!block) continue;
      const commands = chapterCommands(block.chapter);
      if (!commands) {
        problems.push(`${at}: ${blockName(block)}: run=${block.chapter}, but there is no ${join(options.code, block.chapter, 'package.json')}`);
        continue;
      }
      if (block.aws) {
        for (const command of block.commands) {
          for (const message of checkAwsCommand(command.script, commands)) {
            problems.push(`${page.displayPath}:${fence.openLine + 2 + command.bodyLine}: ${block.chapter}, ${blockName(block)} (aws): ${message}`);
          }
        }
      }
      const selected = options.only.length === 0 || options.only.some((name) => name === block.chapter || page.displayPath.includes(name));
      if (!selected) continue;
      let group = groups.find((g) => g.page === page && g.chapter === block.chapter);
      if (!group) {
        group = { page, chapter: block.chapter, chapterDir: join(options.code, block.chapter), blocks: [] };
        groups.push(group);
      }
      group.blocks.push(block);
    }
  }
  return { groups, problems, unchecked, awsOnly };
}

async function runGroup(group: Group, options: Options): Promise<GroupResult> {
  const started = Date.now();
  const result: GroupResult = {
    blocksRun: 0,
    blocksSkipped: 0,
    commandsRun: 0,
    commandsSkipped: 0,
    ms: 0,
    stackMs: undefined,
    failures: [],
    warnings: [],
    bodies: new Map(),
  };
  const toRun = group.blocks.filter((block) => !block.aws);
  for (const block of group.blocks) {
    if (block.aws) {
      result.blocksSkipped++;
      result.commandsSkipped += block.commands.length;
    }
  }
  if (toRun.length === 0) {
    result.ms = Date.now() - started;
    return result;
  }

  let stack: Stack | undefined;
  let shell: ShellSession | undefined;
  try {
    let port: number | undefined;
    if (toRun.some((block) => block.needsStack)) {
      if (!('dev' in readScripts(group.chapterDir))) {
        result.failures.push(`FAIL ${group.chapter} (${group.page.displayPath}): a block needs the local stack (it calls localhost:3000 or is marked stack), but the chapter has no \`dev\` script`);
        return result;
      }
      try {
        stack = await startStack({
          cwd: group.chapterDir,
          env: commandEnvironment(),
          port: await freePort(),
          readyTimeoutMs: options.readyTimeoutMs,
        });
      } catch (error) {
        const log = error instanceof StackError && error.log ? `\n  last lines of \`npm run dev\`:\n${indentText(error.log)}` : '';
        result.failures.push(`FAIL ${group.chapter} (${group.page.displayPath}): the local stack did not start: ${(error as Error).message}${log}`);
        return result;
      }
      port = stack.port;
      result.stackMs = stack.readyMs;
    }
    shell = new ShellSession(group.chapterDir, commandEnvironment(port === undefined ? {} : { PORT: String(port) }));
    // Times the run produces fall between a little before the stack started and a little after now.
    const margin = 10 * 60 * 1000;
    const context = { port, root: options.root, home: homedir() };

    for (const block of toRun) {
      const outputs: string[][] = [];
      for (const command of block.commands) {
        const timeoutMs = block.timeoutSeconds !== undefined ? block.timeoutSeconds * 1000 : options.commandTimeoutMs;
        let output: string;
        let status: number;
        try {
          ({ output, status } = await shell.run(rewriteCommand(command.script, port), timeoutMs));
        } catch (error) {
          const partial = error instanceof CommandError && error.output ? `\n  output so far:\n${indentText(error.output.trimEnd())}` : '';
          const log = stack ? `\n  last lines of \`npm run dev\`:\n${indentText(stack.log())}` : '';
          result.failures.push(`FAIL ${where(group, block)}\n  $ ${command.script}\n  ${(error as Error).message}${partial}${log}`);
          return result;
        }
        result.commandsRun++;
        if (status !== 0 && !block.mayFail) {
          result.failures.push(
            `FAIL ${where(group, block)}\n  $ ${command.script}\n  exited with status ${status} (mark the block may-fail if that is what it shows)\n  output:\n${indentText(output.trimEnd())}`,
          );
          return result;
        }
        outputs.push(normaliseOutput(output, { ...context, window: { from: started - margin, to: Date.now() + margin } }));
      }
      result.blocksRun++;
      const actual = renderBody(block.commands.map((command, index) => ({ lines: command.lines, output: outputs[index]! })));
      const expected = renderBody(block.commands);
      if (options.refresh) {
        if (actual.join('\n') !== block.fence.body.join('\n')) result.bodies.set(block.fence.openLine, actual);
      } else if (actual.join('\n') !== expected.join('\n')) {
        const diff = unifiedDiff(
          `${group.page.displayPath} (the book)`,
          `${group.chapter} (real output, normalised)`,
          expected,
          actual,
          block.fence.openLine + 2,
        );
        result.failures.push(
          `FAIL ${where(group, block)}: the output differs from the book\n${diff}\nIf the new output is right, run \`npm run book:refresh\` and review the change.`,
        );
      }
    }
  } finally {
    await shell?.close();
    if (stack && !(await stack.stop(options.stopTimeoutMs))) {
      result.warnings.push(
        `warning: ${group.chapter}: \`npm run dev\` did not stop within ${options.stopTimeoutMs / 1000} s of SIGINT and was killed`,
      );
    }
    result.ms = Date.now() - started;
  }
  return result;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function main(): Promise<number> {
  const values = parseCli(spec);
  const options: Options = {
    ...layout(values),
    refresh: values.refresh === true,
    only: Array.isArray(values.only) ? values.only : [],
    quiet: values.quiet === true,
    readyTimeoutMs: secondsOption(spec, values, 'ready-timeout', 120),
    commandTimeoutMs: secondsOption(spec, values, 'command-timeout', 60),
    stopTimeoutMs: secondsOption(spec, values, 'stop-timeout', 5),
  };
  const name = options.refresh ? 'book:refresh' : 'book:verify';
  const started = Date.now();

  const { groups, problems, unchecked, awsOnly } = collect(options);
  if (problems.length > 0) {
    console.error(problems.map((problem) => `FAIL ${problem}`).join('\n'));
    console.error(`${name}: ${plural(problems.length, 'problem')} in the book's console blocks; nothing was run.`);
    return 1;
  }
  if (options.only.length > 0 && groups.length === 0) {
    console.error(`${name}: no runnable block matches --only ${options.only.join(', ')}`);
    return 1;
  }

  // AWS blocks without run= belong to no chapter run, but they count as skipped blocks (unless --only).
  const withAwsOnly = options.only.length === 0;
  const totals = {
    blocksRun: 0,
    blocksSkipped: withAwsOnly ? awsOnly.blocks : 0,
    commandsRun: 0,
    commandsSkipped: withAwsOnly ? awsOnly.commands : 0,
    failures: 0,
  };
  const pagesToWrite = new Map<Page, Map<number, string[]>>();
  for (const group of groups) {
    const result = await runGroup(group, options);
    if (interrupted()) return 1; // The signal handler stops what is left and exits.
    totals.blocksRun += result.blocksRun;
    totals.blocksSkipped += result.blocksSkipped;
    totals.commandsRun += result.commandsRun;
    totals.commandsSkipped += result.commandsSkipped;
    totals.failures += result.failures.length;
    const notRun = group.blocks.filter((block) => !block.aws).length - result.blocksRun;
    if (!options.quiet || result.failures.length > 0) {
      const stack = result.stackMs === undefined ? '' : `, stack ready in ${formatSeconds(result.stackMs)}`;
      console.log(
        `${group.chapter} (${group.page.displayPath}): blocks ${result.blocksRun} run, ${result.blocksSkipped} skipped (aws)` +
          `${notRun > 0 ? `, ${notRun} not reached` : ''}; commands ${result.commandsRun} run, ${result.commandsSkipped} skipped; ` +
          `${formatSeconds(result.ms)}${stack}`,
      );
    }
    for (const warning of result.warnings) console.error(warning);
    for (const failure of result.failures) console.error(`${failure}\n`);
    if (options.refresh && result.failures.length === 0 && result.bodies.size > 0) {
      const bodies = pagesToWrite.get(group.page) ?? new Map<number, string[]>();
      for (const [line, body] of result.bodies) bodies.set(line, body);
      pagesToWrite.set(group.page, bodies);
    }
  }

  let changedBlocks = 0;
  for (const [page, bodies] of pagesToWrite) {
    writeFileSync(page.path, replaceBodies(page, bodies));
    changedBlocks += bodies.size;
    if (!options.quiet) console.log(`refreshed ${page.displayPath}: ${plural(bodies.size, 'block')} rewritten`);
  }

  const counts =
    `${plural(totals.blocksRun, 'block')} and ${plural(totals.commandsRun, 'command')} run, ` +
    `${plural(totals.blocksSkipped, 'block')} and ${plural(totals.commandsSkipped, 'command')} skipped (aws)` +
    `${unchecked > 0 ? `, ${plural(unchecked, 'console block')} without run= not checked` : ''}`;
  const time = formatSeconds(Date.now() - started);
  if (totals.failures > 0) {
    console.error(`${name}: FAILED, ${plural(totals.failures, 'failure')}; ${counts}; ${time}${options.refresh ? '; failed chapters were not written' : ''}`);
    return 1;
  }
  const refreshed = options.refresh ? `; ${plural(changedBlocks, 'block')} rewritten in ${plural(pagesToWrite.size, 'page')}` : '';
  console.log(`${name}: ok, ${plural(groups.length, 'chapter')}; ${counts}${refreshed}; ${time}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`book:verify: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
