/**
 * The code-block tokenizer as the browser gets it: a chunk of its own, fetched the first time a code
 * block is rendered in the browser rather than hydrated (a page reached through a link), or when a
 * link is about to be followed. Page loads never need it: the blocks the server rendered are kept as
 * they are (see theme/CodeBlock/Content). The server build replaces this module with
 * tokenizer.server.ts, which has it at once.
 */
import type { Token } from './tokenize';

export type { Token };
export type Tokenize = (code: string, language: string) => Token[][];

let loaded: Tokenize | null = null;
let loading: Promise<Tokenize> | null = null;

/** The tokenizer if it is already here, else null. */
export function loadedTokenizer(): Tokenize | null {
  return loaded;
}

export function loadTokenizer(): Promise<Tokenize> {
  loading ??= import(/* webpackChunkName: "code-tokenizer" */ './tokenize').then((module) => {
    loaded = module.tokenize;
    return loaded;
  });
  return loading;
}
