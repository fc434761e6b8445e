// Blocks marked `aws` need an AWS account, so the verifier never runs them. It checks instead
// that every command in them exists: an npm script of the chapter, a Serverless Framework command
// the installed CLI knows, an `aws <service> <operation>` call, or a common shell tool.

import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Tools an AWS block may use around the AWS commands, e.g. to call the deployed API. */
export const SHELL_TOOLS = new Set([
  'cat', 'cd', 'curl', 'echo', 'export', 'grep', 'head', 'jq', 'node', 'printf', 'set', 'sleep', 'tail', 'test', 'true', 'unset',
]);

/** AWS CLI services the book may use. Extend the list when a chapter needs another one. */
export const AWS_SERVICES = new Set([
  'apigateway', 'apigatewayv2', 'budgets', 'ce', 'cloudformation', 'cloudwatch', 'configure', 'dynamodb', 'iam', 'lambda',
  'logs', 's3', 'ssm', 'sso', 'sts', 'xray',
]);

/** Commands of the Serverless Framework CLI (osls 4), used when the installed CLI cannot be asked. */
const SERVERLESS_FALLBACK = [
  'config', 'config credentials', 'create', 'deploy', 'deploy function', 'deploy list', 'deploy list functions', 'doctor',
  'generate-event', 'help', 'info', 'install', 'invoke', 'invoke local', 'logs', 'metrics', 'package', 'plugin install',
  'plugin list', 'plugin search', 'plugin uninstall', 'print', 'remove', 'rollback', 'rollback function', 'test',
];

/** Commands that plugins the book uses add to the CLI. */
const SERVERLESS_PLUGIN_COMMANDS = ['offline', 'offline start'];

/** The commands the chapter's own Serverless CLI knows, read from its command schema. */
export function serverlessCommands(chapterDir: string): Set<string> {
  let names: string[] = SERVERLESS_FALLBACK;
  try {
    const load = createRequire(join(chapterDir, 'package.json'));
    const schema: unknown = load('serverless/lib/cli/commands-schema');
    if (schema instanceof Map) names = [...schema.keys()].filter((key): key is string => typeof key === 'string' && key !== '');
  } catch {
    // Not installed (or laid out differently): the fallback list is good enough.
  }
  return new Set([...names, ...SERVERLESS_PLUGIN_COMMANDS]);
}

/**
 * Splits a shell command line into simple commands (at `|`, `||`, `&&`, `;`, `&` and newlines),
 * each a list of words with quotes removed. Commands inside `$( … )` are returned too.
 * Redirections are dropped. Not a full shell parser: enough for the commands a book shows.
 */
export function simpleCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let skipNext = false;
  const endWord = (): void => {
    if (!inWord) return;
    if (skipNext) skipNext = false;
    else if (/^\d*(?:>>?|<)&?$/.test(word)) skipNext = true; // `>` or `2>`: the target follows
    else if (!/^\d*(?:>>?|<)/.test(word)) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const text = script.replace(/\\\r?\n/g, ' ');
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end === -1 ? text.length : end);
      inWord = true;
      i = end === -1 ? text.length : end + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        word += text[j];
        j++;
      }
      inWord = true;
      i = j + 1;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$' && text[i + 1] === '(') {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')') depth--;
        j++;
      }
      commands.push(...simpleCommands(text.slice(i + 2, j - 1)));
      word += '$(…)';
      inWord = true;
      i = j;
    } else if (c === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ('|&;\n'.includes(c)) {
      if (c === '&' && /\d*>$/.test(word)) {
        word += c; // 2>&1
        i++;
        continue;
      }
      endCommand();
      i++;
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return commands;
}

export interface ChapterCommands {
  /** The chapter's package.json scripts; undefined for a block that names no chapter (no run=). */
  scripts: Record<string, string> | undefined;
  /** The Serverless CLI's commands (see serverlessCommands). */
  serverless: Set<string>;
}

function checkServerless(args: string[], known: Set<string>): string | undefined {
  const words: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  if (words.length === 0) return 'serverless needs a command, e.g. "serverless deploy"';
  for (let n = words.length; n > 0; n--) {
    if (known.has(words.slice(0, n).join(' '))) return undefined;
  }
  return `"serverless ${words[0]}" is not a Serverless Framework command`;
}

function checkNpm(args: string[], chapter: ChapterCommands): string | undefined {
  const [sub, ...rest] = args;
  const scripts = chapter.scripts;
  const missing = (name: string): string =>
    scripts === undefined
      ? `"npm ${sub}" runs a chapter's script: name the chapter with run=<chapter>`
      : `the chapter has no npm script "${name}" (it has: ${Object.keys(scripts).join(', ') || 'none'})`;
  const has = (name: string): boolean => scripts !== undefined && name in scripts;
  switch (sub) {
    case 'run':
    case 'run-script': {
      const name = rest.find((arg) => !arg.startsWith('-'));
      if (!name) return '"npm run" needs a script name';
      return has(name) ? undefined : missing(name);
    }
    case 'test':
    case 't':
    case 'start':
    case 'stop':
      return has(sub === 't' ? 'test' : sub) ? undefined : missing(sub === 't' ? 'test' : sub);
    case 'install':
    case 'i':
    case 'ci':
      return undefined;
    default:
      return `"npm ${sub ?? ''}" is not a command an AWS block may use (use "npm run <script>")`;
  }
}

function checkAws(args: string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      // Global options such as --profile and --region take a value unless written --x=value.
      if (!arg.includes('=') && ['--profile', '--region', '--output', '--query', '--endpoint-url'].includes(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  const [service, operation] = words;
  if (!service) return '"aws" needs a service, e.g. "aws sts get-caller-identity"';
  if (!AWS_SERVICES.has(service)) return `"aws ${service}" is not an AWS CLI service the book uses (known: ${[...AWS_SERVICES].join(', ')})`;
  if (!operation && service !== 'configure') return `"aws ${service}" needs an operation`;
  return undefined;
}

/** Checks one simple command; returns what is wrong, or undefined when it is known. */
export function checkSimpleCommand(words: readonly string[], chapter: ChapterCommands): string | undefined {
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
  const [program, ...args] = words.slice(i);
  if (program === undefined) return undefined; // only variable assignments
  if (program === 'npm') return checkNpm(args, chapter);
  if (program === 'npx') {
    const toolIndex = args.findIndex((arg) => !arg.startsWith('-'));
    const tool = args[toolIndex];
    if (tool === 'serverless' || tool === 'sls' || tool === 'osls') return checkServerless(args.slice(toolIndex + 1), chapter.serverless);
    return `"npx ${tool ?? ''}" is not a known CLI command (known: npx serverless …)`;
  }
  if (program === 'serverless' || program === 'sls' || program === 'osls') return checkServerless(args, chapter.serverless);
  if (program === 'aws') return checkAws(args);
  if (SHELL_TOOLS.has(program)) return undefined;
  return `"${program}" is not an npm script, a Serverless or AWS CLI command, or a known shell tool`;
}

/** Checks a whole command line; returns one message per unknown command. */
export function checkAwsCommand(script: string, chapter: ChapterCommands): string[] {
  return simpleCommands(script)
    .map((words) => checkSimpleCommand(words, chapter))
    .filter((message): message is string => message !== undefined);
}
