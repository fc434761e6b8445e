import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliOption {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** Shown in --help, e.g. `<dir>`. */
  value?: string;
  description: string;
}

export interface CliSpec {
  /** `tsx scripts/book/verify.ts`. */
  command: string;
  /** One paragraph: what the script does. */
  summary: string;
  options: Record<string, CliOption>;
  /** Extra help text after the options. */
  footer?: string;
}

export type CliValues = Record<string, string | boolean | string[] | undefined>;

export function helpText(spec: CliSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => [`--${name}${option.value ? ` ${option.value}` : ''}`, option.description]);
  rows.push(['--help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag!.length));
  return [
    `Usage: ${spec.command} [options]`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag!.padEnd(width)}  ${description}`),
    ...(spec.footer ? ['', spec.footer] : []),
  ].join('\n');
}

/** Parses argv; prints help and exits on --help, exits 2 with a message on a bad option. */
export function parseCli(spec: CliSpec, argv: string[] = process.argv.slice(2)): CliValues {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.type, multiple: option.multiple === true }])),
        help: { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    });
    if (values.help) {
      console.log(helpText(spec));
      process.exit(0);
    }
    return values as CliValues;
  } catch (error) {
    console.error(`${spec.command}: ${(error as Error).message}\nRun with --help for the options.`);
    process.exit(2);
  }
}

/** Reads a numeric option in seconds and returns milliseconds. */
export function seconds(values: CliValues, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback * 1000;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a number of seconds, not "${String(raw)}"`);
    process.exit(2);
  }
  return value * 1000;
}

/** The repository layout the book scripts work on; every path can be moved with a flag (tests do). */
export interface Layout {
  root: string;
  book: string;
  code: string;
}

export const LAYOUT_OPTIONS: Record<string, CliOption> = {
  root: { type: 'string', value: '<dir>', description: 'repository root; file= paths are relative to it (default: current directory)' },
  book: { type: 'string', value: '<dir>', description: 'folder of the chapter pages (default: <root>/book)' },
  code: { type: 'string', value: '<dir>', description: 'folder of the code chapters (default: <root>/chapters-code)' },
};

export function layout(values: CliValues): Layout {
  const root = resolve(typeof values.root === 'string' ? values.root : process.cwd());
  return {
    root,
    book: resolve(root, typeof values.book === 'string' ? values.book : 'book'),
    code: resolve(root, typeof values.code === 'string' ? values.code : 'chapters-code'),
  };
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
