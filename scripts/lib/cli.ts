// The one argument parser of the repo's scripts: every script describes its options once, gets
// `--help` (and `-h`) from that description, and stops with a clear message and status 2 on an
// argument it does not know or a value it cannot use.

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
  rows.push(['-h, --help', 'show this help']);
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

/** Prints what is wrong with the command line and exits with status 2. */
export function usageError(spec: CliSpec, message: string): never {
  console.error(`${spec.command}: ${message}\nRun with --help for the options.`);
  process.exit(2);
}

/** Parses argv; prints help and exits on --help, exits 2 with a message on a bad option. */
export function parseCli(spec: CliSpec, argv: string[] = process.argv.slice(2)): CliValues {
  let values: CliValues;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.type, multiple: option.multiple === true }])),
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    usageError(spec, (error as Error).message);
  }
  if (values.help) {
    console.log(helpText(spec));
    process.exit(0);
  }
  return values;
}

/** A comma-separated option (`--only a,b`) as a list; each item must be one of `allowed`, when given. */
export function listOption(spec: CliSpec, values: CliValues, name: string, allowed?: readonly string[]): string[] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [String(raw)]).flatMap((item) => item.split(',')).filter(Boolean);
  for (const item of items) {
    if (allowed && !allowed.includes(item)) usageError(spec, `--${name}: unknown "${item}"; one of ${allowed.join(', ')}`);
  }
  return items;
}

/** One of `allowed`, or `fallback` when the option is absent. */
export function choiceOption<T extends string>(spec: CliSpec, values: CliValues, name: string, allowed: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) usageError(spec, `--${name} must be one of ${allowed.join(', ')}, not "${String(raw)}"`);
  return raw as T;
}

/** A number above zero (a whole one when `integer`), or `fallback` when the option is absent. */
export function numberOption(spec: CliSpec, values: CliValues, name: string, fallback: number, integer = false): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    usageError(spec, `--${name} needs ${integer ? 'a whole number from 1' : 'a number above 0'}, not "${String(raw)}"`);
  }
  return value;
}

/** A number of seconds, returned in milliseconds. */
export function secondsOption(spec: CliSpec, values: CliValues, name: string, fallbackSeconds: number): number {
  return numberOption(spec, values, name, fallbackSeconds) * 1000;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
