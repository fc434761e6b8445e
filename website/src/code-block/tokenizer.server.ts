/** The code-block tokenizer in the server build: always loaded (see tokenizer.ts). */
import { tokenize } from './tokenize';
import type * as Browser from './tokenizer';

export const loadedTokenizer: typeof Browser.loadedTokenizer = () => tokenize;
export const loadTokenizer: typeof Browser.loadTokenizer = () => Promise.resolve(tokenize);
