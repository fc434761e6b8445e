/**
 * Console blocks ("Try it"): commands on `$ ` lines, a command continued on the next line by a
 * trailing backslash, and everything else their output. The block shows commands apart from the
 * output (theme/CodeBlock/Content), and its copy button copies the commands only
 * (theme/CodeBlock/Buttons), so a reader can paste them into a shell as they are.
 */

export type ConsoleLine = 'command' | 'continuation' | 'output';

const LANGUAGES = new Set(['console', 'shell-session', 'sh-session']);
const PROMPT = '$ ';

/** Each line's part, or null when the block is not a console block with at least one command. */
export function consoleLines(code: string, language: string | undefined): ConsoleLine[] | null {
  if (!language || !LANGUAGES.has(language)) return null;
  const lines = code.split(/\r\n|\r|\n/);
  const kinds: ConsoleLine[] = [];
  let continued = false;
  for (const line of lines) {
    const kind: ConsoleLine = continued ? 'continuation' : line.startsWith(PROMPT) || line === '$' ? 'command' : 'output';
    kinds.push(kind);
    continued = kind !== 'output' && /\\$/.test(line);
  }
  return kinds.includes('command') ? kinds : null;
}

/** The commands a console block runs, without their prompts: what its copy button copies. */
export function consoleCommands(code: string, kinds: ConsoleLine[]): string {
  return code
    .split(/\r\n|\r|\n/)
    .flatMap((line, i) => (kinds[i] === 'command' ? [line.slice(PROMPT.length)] : kinds[i] === 'continuation' ? [line] : []))
    .join('\n');
}

/** The prompt a command line starts with, for the block to show apart (and leave out of a selection). */
export const CONSOLE_PROMPT = PROMPT;
