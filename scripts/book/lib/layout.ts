// The repository layout the book scripts work on; every path can be moved with a flag (tests do).

import { resolve } from 'node:path';
import type { CliOption, CliValues } from '../../lib/cli.js';

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
